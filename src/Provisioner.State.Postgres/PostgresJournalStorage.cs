using System.Buffers;
using Npgsql;
using Provisioner.State.Backends;

namespace Provisioner.State.Postgres;

/// <summary>A workspace's apply journal: its rows of <c>provisioner_journal</c>, in <c>seq</c> order.</summary>
internal sealed class PostgresJournalStorage(PostgresBackend backend, string workspace) : IJournalStorage
{
    public Task<bool> ExistsAsync(CancellationToken ct) =>
        backend.RunAsync($"reading the journal of workspace \"{workspace}\"", async conn =>
        {
            await using var cmd = new NpgsqlCommand(backend.Sql.JournalExists, conn) { Parameters = { new() { Value = workspace } } };
            return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
        }, ct);

    public Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken ct) =>
        backend.RunAsync($"reading the journal of workspace \"{workspace}\"", async conn =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            await using var cmd = new NpgsqlCommand(backend.Sql.JournalRead, conn) { Parameters = { new() { Value = workspace } } };
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                buffer.Write(await reader.GetFieldValueAsync<byte[]>(0, ct).ConfigureAwait(false));
                buffer.Write("\n"u8);
            }
            return (ReadOnlyMemory<byte>)buffer.WrittenMemory;
        }, ct);

    /// <summary>
    /// Opens an appender, connecting first (creating the tables if needed) so that an unreachable server fails here,
    /// and so that the first <see cref="IJournalAppender.Flush"/> does not pay for the first connection.
    /// </summary>
    public IJournalAppender OpenAppender()
    {
        backend.Run($"opening the journal of workspace \"{workspace}\"", _ => 0);
        return new PostgresJournalAppender(backend, workspace);
    }

    public Task DeleteAsync(CancellationToken ct) =>
        backend.RunAsync($"deleting the journal of workspace \"{workspace}\"", async conn =>
        {
            await using var cmd = new NpgsqlCommand(backend.Sql.JournalDelete, conn) { Parameters = { new() { Value = workspace } } };
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
}
