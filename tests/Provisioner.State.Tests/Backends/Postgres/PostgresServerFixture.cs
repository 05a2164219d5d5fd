namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>The throwaway <see cref="PostgresServer"/> shared by the postgres backend tests (an xunit fixture).</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    /// <summary>The superuser's password (in the test connection string; asserted never to appear in messages).</summary>
    public const string Password = PostgresServer.Password;

    private PostgresServer? _server;

    private PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL not started");

    public int Port => Server.Port;

    /// <summary>An Npgsql connection string for the superuser.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>The server's log (for failure messages).</summary>
    public string Log => _server?.Log ?? "";

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
