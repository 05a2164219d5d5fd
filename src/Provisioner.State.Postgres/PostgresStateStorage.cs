using System.Text.Json;
using Npgsql;
using Provisioner.State.Backends;
using Provisioner.State.Locking;

namespace Provisioner.State.Postgres;

/// <summary>
/// One workspace of the postgres backend: its row in <c>provisioner_states</c> (compare-and-swap writes that move the
/// replaced version to <c>provisioner_state_history</c>), its lock lease and its journal.
/// </summary>
internal sealed class PostgresStateStorage(PostgresBackend backend, string workspace) : IStateStorage
{
    public string Workspace { get; } = workspace;

    public string Location => $"postgres {backend.Server} schema \"{backend.Schema}\", workspace \"{Workspace}\"";

    public string? PreviousVersionHint =>
        $"Previous versions (the last {PostgresSql.HistoryKept}) are in table {backend.Sql.History} (workspace = '{Workspace}', newest id first).";

    public IJournalStorage Journal => new PostgresJournalStorage(backend, Workspace);

    public Task<StoredState?> ReadAsync(CancellationToken ct) =>
        backend.RunAsync($"reading the state of workspace \"{Workspace}\"", async conn =>
        {
            await using var cmd = new NpgsqlCommand(backend.Sql.ReadState, conn) { Parameters = { new() { Value = Workspace } } };
            await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                return null;
            var lineage = reader.GetString(0);
            var serial = reader.GetInt64(1);
            var data = await reader.GetFieldValueAsync<byte[]>(2, ct).ConfigureAwait(false);
            return new StoredState(new StateVersion(lineage, serial), data);
        }, ct);

    public Task<StateWriteResult> WriteAsync(StoredState state, StateVersion? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        return backend.RunAsync($"writing the state of workspace \"{Workspace}\"", async conn =>
        {
            var sql = backend.Sql;
            await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            StateVersion? current = null;
            await using (var read = new NpgsqlCommand(sql.ReadStateForUpdate, conn, tx) { Parameters = { new() { Value = Workspace } } })
            await using (var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                    current = new StateVersion(reader.GetString(0), reader.GetInt64(1));
            }
            if (current != expected)
                return StateWriteResult.Stale(current);
            if (current is null)
            {
                await using var insert = new NpgsqlCommand(sql.InsertState, conn, tx) { Parameters = { new() { Value = Workspace } } };
                AddVersionAndData(insert, state);
                if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    // Another writer inserted the first state since our read: refused, and told what is there now.
                    await tx.RollbackAsync(ct).ConfigureAwait(false);
                    await using var again = new NpgsqlCommand(sql.ReadVersion, conn) { Parameters = { new() { Value = Workspace } } };
                    await using var reader = await again.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    return StateWriteResult.Stale(await reader.ReadAsync(ct).ConfigureAwait(false)
                        ? new StateVersion(reader.GetString(0), reader.GetInt64(1))
                        : null);
                }
            }
            else
            {
                await using var batch = new NpgsqlBatch(conn, tx);
                batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.CopyToHistory) { Parameters = { new() { Value = Workspace } } });
                var update = new NpgsqlBatchCommand(sql.UpdateState) { Parameters = { new() { Value = Workspace } } };
                update.Parameters.Add(new() { Value = state.Version.Lineage });
                update.Parameters.Add(new() { Value = state.Version.Serial });
                update.Parameters.Add(new() { Value = state.Bytes });
                batch.BatchCommands.Add(update);
                batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.PruneHistory) { Parameters = { new() { Value = Workspace } } });
                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return StateWriteResult.Success(state.Version);
        }, ct);
    }

    private static void AddVersionAndData(NpgsqlCommand cmd, StoredState state)
    {
        cmd.Parameters.Add(new() { Value = state.Version.Lineage });
        cmd.Parameters.Add(new() { Value = state.Version.Serial });
        cmd.Parameters.Add(new() { Value = state.Bytes });
    }

    public async Task<LockResult> LockAsync(LockRequest request, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var time = backend.Time;
        var deadline = time.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var info = new LockInfo(Guid.NewGuid().ToString("D"), request.Operation, request.Who, request.Version,
                time.GetUtcNow(), Location, request.Pid);
            var (taken, holder) = await TryLockAsync(info, ct).ConfigureAwait(false);
            if (taken)
                return new LockResult(PostgresLease.Start(backend, Workspace, info), null);
            if (time.GetUtcNow() >= deadline)
                return new LockResult(null, holder);
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    private Task<(bool Taken, LockInfo? Holder)> TryLockAsync(LockInfo info, CancellationToken ct) =>
        backend.RunAsync($"locking workspace \"{Workspace}\"", async conn =>
        {
            var sql = backend.Sql;
            await using (var take = new NpgsqlCommand(sql.LockTake, conn) { Parameters = { new() { Value = Workspace } } })
            {
                take.Parameters.Add(new() { Value = info.Id });
                take.Parameters.Add(new() { Value = JsonSerializer.Serialize(info, PostgresJsonContext.Default.LockInfo) });
                take.Parameters.Add(new() { Value = backend.LeaseTtl.TotalSeconds });
                if (await take.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
                    return (true, (LockInfo?)null);
            }
            await using var read = new NpgsqlCommand(sql.LockHolder, conn) { Parameters = { new() { Value = Workspace } } };
            var json = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            return (false, ParseInfo(json));
        }, ct);

    private static LockInfo? ParseInfo(string? json)
    {
        if (json is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize(json, PostgresJsonContext.Default.LockInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task<string?> ForceUnlockAsync(string id, CancellationToken ct) =>
        backend.RunAsync($"unlocking workspace \"{Workspace}\"", async conn =>
        {
            await using (var delete = new NpgsqlCommand(backend.Sql.LockRelease, conn) { Parameters = { new() { Value = Workspace }, new() { Value = id } } })
            {
                if (await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0)
                    return null;
            }
            await using var read = new NpgsqlCommand(backend.Sql.LockCurrentId, conn) { Parameters = { new() { Value = Workspace } } };
            return await read.ExecuteScalarAsync(ct).ConfigureAwait(false) is string current
                ? $"The lock of {Location} has ID {current}, not {id}."
                : (string?)$"{Location} is not locked.";
        }, ct);
}
