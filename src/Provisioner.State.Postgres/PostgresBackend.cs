using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Provisioner.State.Backends;

namespace Provisioner.State.Postgres;

/// <summary>
/// The <c>postgres</c> backend: every workspace's state, history, journal and lock lease in tables of one schema
/// (<see cref="PostgresSql"/>). The schema and tables are created on first use unless told not to.
/// </summary>
public sealed class PostgresBackend : IStateBackend
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresBackendOptions _options;
    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private volatile bool _ensured;

    internal PostgresBackend(NpgsqlConnectionStringBuilder connection, PostgresBackendOptions options, TimeProvider time)
    {
        _options = options;
        Time = time;
        Server = PostgresConnectionString.Describe(connection);
        Sql = new PostgresSql(options.Schema);
        Errors = new PostgresErrors(Server, connection.Password, options.Schema);
        if (string.IsNullOrEmpty(connection.ApplicationName))
            connection.ApplicationName = "provisioner";
        _dataSource = NpgsqlDataSource.Create(connection);
    }

    public string Type => "postgres";

    /// <summary>The server as <c>host:port/database</c>, for messages.</summary>
    public string Server { get; }

    /// <summary>The schema holding the tables.</summary>
    public string Schema => _options.Schema;

    /// <summary>A lock lease's time-to-live.</summary>
    public TimeSpan LeaseTtl => _options.LeaseTtl;

    internal PostgresSql Sql { get; }

    internal PostgresErrors Errors { get; }

    internal TimeProvider Time { get; }

    public IStateStorage Workspace(string workspace) => new PostgresStateStorage(this, workspace);

    public async Task<IReadOnlyList<string>> ListWorkspacesAsync(CancellationToken ct)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { Workspaces.Default };
        await RunAsync("listing workspaces", async conn =>
        {
            await using var cmd = new NpgsqlCommand(Sql.ListWorkspaces, conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                names.Add(reader.GetString(0));
            return 0;
        }, ct).ConfigureAwait(false);
        return [.. names];
    }

    public Task DeleteWorkspaceAsync(string workspace, CancellationToken ct)
    {
        if (workspace == Workspaces.Default)
            throw new InvalidOperationException("The default workspace cannot be deleted.");
        return RunAsync($"deleting workspace \"{workspace}\"", async conn =>
        {
            await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var sql in Sql.DeleteWorkspace)
                batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = workspace } } });
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection once the schema and tables exist; driver failures become a
    /// <see cref="StateBackendException"/> naming <paramref name="action"/>.
    /// </summary>
    internal async Task<T> RunAsync<T>(string action, Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        try
        {
            await EnsureTablesAsync(ct).ConfigureAwait(false);
            await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await work(conn).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsBackendFailure(ex) && !ct.IsCancellationRequested)
        {
            throw Errors.Wrap(action, ex);
        }
    }

    /// <summary>The synchronous form of <see cref="RunAsync{T}"/>, for the journal appender.</summary>
    internal T Run<T>(string action, Func<NpgsqlConnection, T> work)
    {
        try
        {
            EnsureTables();
            using var conn = _dataSource.OpenConnection();
            return work(conn);
        }
        catch (Exception ex) when (PostgresErrors.IsBackendFailure(ex))
        {
            throw Errors.Wrap(action, ex);
        }
    }

    /// <summary>
    /// Creates the schema and tables once per backend (idempotent DDL under a transaction-scoped advisory lock, so
    /// several processes using a new schema at once do not trip over each other's CREATE).
    /// </summary>
    private async Task EnsureTablesAsync(CancellationToken ct)
    {
        if (_ensured)
            return;
        await _ensureGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_ensured)
                return;
            if (!_options.SkipSchemaCreation || !_options.SkipTableCreation)
            {
                await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using var batch = DdlBatch(conn, tx);
                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            _ensured = true;
        }
        finally
        {
            _ensureGate.Release();
        }
    }

    /// <summary>The synchronous form of <see cref="EnsureTablesAsync"/> (the journal appender's API is synchronous).</summary>
    private void EnsureTables()
    {
        if (_ensured)
            return;
        _ensureGate.Wait();
        try
        {
            if (_ensured)
                return;
            if (!_options.SkipSchemaCreation || !_options.SkipTableCreation)
            {
                using var conn = _dataSource.OpenConnection();
                using var tx = conn.BeginTransaction();
                using var batch = DdlBatch(conn, tx);
                batch.ExecuteNonQuery();
                tx.Commit();
            }
            _ensured = true;
        }
        finally
        {
            _ensureGate.Release();
        }
    }

    private NpgsqlBatch DdlBatch(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = AdvisoryKey(_options.Schema) } } });
        if (!_options.SkipSchemaCreation)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.CreateSchema));
        if (!_options.SkipTableCreation)
        {
            foreach (var ddl in Sql.CreateTables)
                batch.BatchCommands.Add(new NpgsqlBatchCommand(ddl));
        }
        return batch;
    }

    /// <summary>The advisory lock key guarding DDL of one schema (the same in every process).</summary>
    internal static long AdvisoryKey(string schema) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("provisioner-pg-backend-ddl:" + schema)), 0);

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _ensureGate.Dispose();
    }
}
