using Provisioner.State.Backends;

namespace Provisioner.State.Postgres;

/// <summary>
/// <c>backend "postgres" { conn_str = "...", schema_name = "..." }</c>, with the argument names of Terraform's pg
/// backend; <c>conn_str</c> defaults to the environment variable <c>PROVISIONER_PG_CONN_STR</c>.
/// </summary>
public sealed class PostgresBackendFactory : IStateBackendFactory
{
    /// <summary>The environment variable <c>conn_str</c> defaults to.</summary>
    public const string ConnStrEnvironmentVariable = "PROVISIONER_PG_CONN_STR";

    /// <summary>The default <c>schema_name</c>, as Terraform's.</summary>
    public const string DefaultSchema = "terraform_remote_state";

    /// <summary>The default <c>lease_ttl</c> in seconds.</summary>
    public const long DefaultLeaseTtlSeconds = 30;

    public string Type => "postgres";

    public IReadOnlyList<BackendArgument> Arguments { get; } =
    [
        new("conn_str", BackendArgumentType.String,
            $"The PostgreSQL connection string (a postgres:// URL or key=value pairs); default from {ConnStrEnvironmentVariable}.",
            Sensitive: true),
        new("schema_name", BackendArgumentType.String, $"The schema holding the state tables (default {DefaultSchema})."),
        new("skip_schema_creation", BackendArgumentType.Bool, "The schema exists already: do not try to create it."),
        new("skip_table_creation", BackendArgumentType.Bool, "The tables exist already: do not try to create them."),
        new("lease_ttl", BackendArgumentType.Number,
            $"Seconds a lock lease lives without renewal (default {DefaultLeaseTtlSeconds}); a dead holder's lock frees itself after it."),
    ];

    public BackendCreateResult Create(BackendSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var connStr = settings.String("conn_str");
        var from = "The \"conn_str\" argument";
        if (connStr is null && settings.Environment.TryGetValue(ConnStrEnvironmentVariable, out var env) && env.Length > 0)
        {
            connStr = env;
            from = $"The environment variable {ConnStrEnvironmentVariable}";
        }
        if (connStr is null)
            return BackendCreateResult.Invalid($"The postgres backend needs a connection string: set \"conn_str\" or the environment variable {ConnStrEnvironmentVariable}.");
        var (builder, error) = PostgresConnectionString.Parse(connStr);
        if (builder is null)
            return BackendCreateResult.Invalid($"{from} {error}.");

        var schema = settings.String("schema_name") ?? DefaultSchema;
        if (schema.Length is 0 or > 63 || schema.Contains('\0', StringComparison.Ordinal))
            return BackendCreateResult.Invalid("The \"schema_name\" argument must be 1 to 63 characters long.");
        var ttl = settings.Number("lease_ttl") ?? DefaultLeaseTtlSeconds;
        if (ttl is < 1 or > 86_400)
            return BackendCreateResult.Invalid("The \"lease_ttl\" argument must be between 1 and 86400 seconds.");
        var options = new PostgresBackendOptions(schema,
            settings.Bool("skip_schema_creation") ?? false,
            settings.Bool("skip_table_creation") ?? false,
            TimeSpan.FromSeconds(ttl));
        return BackendCreateResult.Ok(new PostgresBackend(builder, options, time));
    }
}
