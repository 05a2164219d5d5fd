using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the postgres backend tests and the state benchmark (one copy, linked into both):
/// initdb in a temporary directory owned by the <c>postgres</c> system user (the server refuses to run as root),
/// listening on 127.0.0.1 only on a free port, its unix socket inside that directory, fsync and synchronous commit on,
/// password (scram) authentication over TCP. Stopped (<c>pg_ctl stop -m fast</c>) and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser's password (in the connection string; tests assert it never appears in messages).</summary>
    public const string Password = "Pg-Test-Secret-7f3a91";
    private readonly string _dir;
    private readonly string _binDir;
    private bool _started;

    private PostgresServer(string dir, string binDir)
    {
        _dir = dir;
        _binDir = binDir;
    }

    public int Port { get; private set; }

    public string Version { get; private set; } = "";

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Password={Password};Maximum Pool Size=40";

    /// <summary>The postmaster's process id (its backends are its children).</summary>
    public int Pid => int.Parse(File.ReadLines(Path.Combine(DataDir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private string DataDir => Path.Combine(_dir, "data");

    private static bool AsRoot => Environment.UserName == "root";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres); run tests/services/ensure-packages.sh");
        var server = new PostgresServer(Directory.CreateTempSubdirectory("prov-pg-").FullName, bin);
        try
        {
            await server.InitAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitAsync()
    {
        if (AsRoot)
            await RunAsync("chown", ["postgres:postgres", _dir], asPostgres: false);
        var pwFile = Path.Combine(_dir, "pwfile");
        await File.WriteAllTextAsync(pwFile, Password + "\n");
        if (AsRoot)
            await RunAsync("chown", ["postgres:postgres", pwFile], asPostgres: false);
        await RunAsync(Path.Combine(_binDir, "initdb"),
            ["-D", DataDir, "-U", "postgres", "--pwfile", pwFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"], AsRoot);
        File.Delete(pwFile);
        Version = Path.GetFileName(Path.GetDirectoryName(_binDir)!);
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_binDir, "pg_ctl"),
                    ["-D", DataDir, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "-o",
                     $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_dir} -c fsync=on -c synchronous_commit=on -c max_connections=300",
                     "start"], AsRoot);
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // The port was taken between probing and starting: try another.
            }
        }
    }

    /// <summary>The server's log (for failure messages).</summary>
    public string Log => File.Exists(Path.Combine(_dir, "server.log")) ? File.ReadAllText(Path.Combine(_dir, "server.log")) : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
                await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDir, "-m", "fast", "-w", "stop"], AsRoot);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string? FindBinDir() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
                psi.ArgumentList.Add(a);
        }
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {await stdout} {await stderr}");
    }
}
