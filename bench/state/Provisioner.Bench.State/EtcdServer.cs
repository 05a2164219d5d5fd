using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Provisioner.Bench.State;

/// <summary>
/// A throwaway etcd, started as the test fixture does (tests/.../Etcd/EtcdServer.cs): plain HTTP on 127.0.0.1, free
/// ports, data in a temporary directory; killed and its directory deleted on dispose.
/// </summary>
internal sealed class EtcdServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private EtcdServer(Process process, string dir, string clientUrl)
    {
        _process = process;
        _dir = dir;
        ClientUrl = clientUrl;
    }

    public string ClientUrl { get; }

    public int Pid => _process.Id;

    public static async Task<EtcdServer> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("prov-bench-etcd-").FullName;
        var clientUrl = $"http://127.0.0.1:{FreePort()}";
        var peerUrl = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("etcd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--name", "provbench", "--data-dir", Path.Combine(dir, "data"),
                     "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                     "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                     "--initial-cluster", $"provbench={peerUrl}", "--log-level", "warn",
                 })
            psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("etcd did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Directory.Delete(dir, recursive: true);
            throw new InvalidOperationException("etcd is not installed: run tests/services/ensure-packages.sh", ex);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EtcdServer(process, dir, clientUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"etcd exited with {process.ExitCode}");
            }
            try
            {
                if ((await http.GetStringAsync(clientUrl + "/health")).Contains("true", StringComparison.Ordinal))
                    return server;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"etcd did not become healthy at {clientUrl}");
            }
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
