using Provisioner.State.Backends;
using Provisioner.State.Postgres;

namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>Creates postgres backends through the factory, as the CLI does, each in a schema of its own.</summary>
internal static class PostgresTestBackends
{
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public static BackendCreateResult Create(string? connStr, string schema, long? leaseTtl = null,
        IReadOnlyDictionary<string, string>? environment = null, IEnumerable<KeyValuePair<string, object>>? extra = null)
    {
        var values = new Dictionary<string, object> { ["schema_name"] = schema };
        if (connStr is not null)
            values["conn_str"] = connStr;
        if (leaseTtl is { } ttl)
            values["lease_ttl"] = ttl;
        foreach (var (k, v) in extra ?? [])
            values[k] = v;
        return new PostgresBackendFactory().Create(
            new BackendSettings(values, environment ?? new Dictionary<string, string>(), Directory.GetCurrentDirectory()), TimeProvider.System);
    }

    public static PostgresBackend CreateOk(PostgresServerFixture server, string schema, long? leaseTtl = null)
    {
        var r = Create(server.ConnectionString, schema, leaseTtl);
        Assert.Null(r.Error);
        return (PostgresBackend)r.Backend!;
    }
}
