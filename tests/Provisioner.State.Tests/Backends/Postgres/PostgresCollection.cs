namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>The postgres backend tests share one throwaway server (each test uses its own schema).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres server";
}
