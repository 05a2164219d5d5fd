namespace Provisioner.State.Postgres;

/// <summary>The validated arguments of a <c>backend "postgres"</c> block.</summary>
/// <param name="Schema">The schema holding the backend's tables (<c>schema_name</c>).</param>
/// <param name="SkipSchemaCreation">The schema exists already (<c>skip_schema_creation</c>).</param>
/// <param name="SkipTableCreation">The tables exist already (<c>skip_table_creation</c>).</param>
/// <param name="LeaseTtl">A lock lease's time-to-live (<c>lease_ttl</c>); renewed every third of it.</param>
internal sealed record PostgresBackendOptions(string Schema, bool SkipSchemaCreation, bool SkipTableCreation, TimeSpan LeaseTtl);
