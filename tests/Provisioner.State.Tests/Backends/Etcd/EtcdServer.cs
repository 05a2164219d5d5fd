using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>
/// A throwaway etcd for the tests and the state benchmark (one copy, linked into both): 127.0.0.1 only, free (non-default) ports, data in a temporary directory; killed and
/// its directory deleted on dispose.
/// </summary>
public sealed class EtcdServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private EtcdServer(Process process, string dir, string clientUrl)
    {
        _process = process;
        Directory = dir;
        ClientUrl = clientUrl;
    }

    /// <summary>The temporary directory (data, and the TLS files of a TLS server).</summary>
    public string Directory { get; }

    /// <summary>The server's process id (for CPU accounting in the state benchmark).</summary>
    public int Pid => _process.Id;

    /// <summary>The client URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string ClientUrl { get; }

    /// <summary>
    /// Starts etcd in <paramref name="dir"/> (deleted on dispose) and waits until <paramref name="health"/> (which
    /// can reach it, with the client certificate a TLS server wants) answers.
    /// </summary>
    public static async Task<EtcdServer> StartAsync(string dir, bool tls, IEnumerable<string> extraArgs, HttpMessageHandler health)
    {
        var clientPort = FreePort();
        var peerPort = FreePort();
        var clientUrl = $"{(tls ? "https" : "http")}://127.0.0.1:{clientPort}";
        var peerUrl = $"http://127.0.0.1:{peerPort}";
        var psi = new ProcessStartInfo("etcd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--name", "provtest", "--data-dir", Path.Combine(dir, "data"),
                     "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                     "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                     "--initial-cluster", $"provtest={peerUrl}", "--log-level", "warn",
                 }.Concat(extraArgs))
            psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("etcd did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("etcd is not installed: run tests/services/ensure-packages.sh", ex);
        }
        var server = new EtcdServer(process, dir, clientUrl);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient(health, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"etcd exited with {process.ExitCode}:\n{server.Output}");
            }
            try
            {
                var body = await http.GetStringAsync(clientUrl + "/health");
                if (body.Contains("true", StringComparison.Ordinal))
                    return server;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"etcd did not become healthy at {clientUrl}:\n{server.Output}");
            }
            await Task.Delay(100);
        }
    }

    public string Output
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.Length < 64 * 1024)
                _log.AppendLine(line);
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
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
