using Provisioner.State.Tests.Backends.Etcd;
using Provisioner.State.Tests.Backends.Postgres;

namespace Provisioner.Cli.Tests.Recovery.Servers;

/// <summary>
/// One throwaway PostgreSQL and one etcd (127.0.0.1, free ports, temporary directories, stopped at the end) for the
/// CLI's tests over remote backends; each test uses its own schema or key prefix.
/// </summary>
public sealed class RemoteBackendServers : IAsyncLifetime
{
    private EtcdServer? _etcd;
    private PostgresServer? _postgres;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL not started");

    public string EtcdEndpoint => _etcd?.ClientUrl ?? throw new InvalidOperationException("etcd not started");

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        using var health = new SocketsHttpHandler();
        _etcd = await EtcdServer.StartAsync(Directory.CreateTempSubdirectory("prov-cli-etcd-").FullName, tls: false, [], health);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_etcd is not null)
                await _etcd.DisposeAsync();
        }
        finally
        {
            if (_postgres is not null)
                await _postgres.DisposeAsync();
        }
    }

    /// <summary>A backend block for a fresh, isolated postgres schema or etcd prefix, with a short lease.</summary>
    public string BackendBlock(string type, int leaseTtlSeconds = 3) => type switch
    {
        "postgres" => $$"""
            provisioner {
              backend "postgres" {
                conn_str    = "{{Postgres.ConnectionString}}"
                schema_name = "cli_{{Guid.NewGuid():N}}"
                lease_ttl   = {{leaseTtlSeconds}}
              }
            }
            """,
        "etcd" => $$"""
            provisioner {
              backend "etcd" {
                endpoints = ["{{EtcdEndpoint}}"]
                prefix    = "cli-{{Guid.NewGuid():N}}/"
                lease_ttl = {{leaseTtlSeconds}}
              }
            }
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
