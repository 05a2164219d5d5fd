using Npgsql;
using NpgsqlTypes;
using Provisioner.State.Backends;

namespace Provisioner.State.Postgres;

/// <summary>
/// Appends journal records as rows of <c>provisioner_journal</c>. <see cref="Write"/> only queues a record in memory;
/// <see cref="Flush"/> inserts every queued record in one committed statement (group commit: concurrent flushes share
/// one round trip and one WAL sync), so the cost of an append does not depend on the size of the state or journal.
/// </summary>
/// <remarks>
/// A failed flush breaks the appender (every later call throws): a record whose fate is unknown is never retried, so
/// the journal cannot hold it twice or hold a later record without it. Disposing flushes what is still queued, best
/// effort (those records were never promised durable).
/// </remarks>
internal sealed class PostgresJournalAppender(PostgresBackend backend, string workspace) : IJournalAppender
{
    private readonly Lock _lock = new();
    private readonly Lock _flushLock = new();
    private List<byte[]> _queued = [];
    private long _written;
    private long _flushed;
    private StateBackendException? _failure;
    private bool _disposed;

    public long Write(ReadOnlySpan<byte> record)
    {
        var copy = record.ToArray();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failure is not null)
                throw _failure;
            _queued.Add(copy);
            return ++_written;
        }
    }

    public void Flush(long through)
    {
        if (Volatile.Read(ref _flushed) >= through)
            return;
        lock (_flushLock)
        {
            if (_flushed >= through)
                return;
            FlushQueued();
        }
    }

    private void FlushQueued()
    {
        List<byte[]> batch;
        long target;
        lock (_lock)
        {
            if (_failure is not null)
                throw _failure;
            batch = _queued;
            _queued = [];
            target = _written;
        }
        if (batch.Count > 0)
        {
            try
            {
                backend.Run($"appending to the journal of workspace \"{workspace}\"", conn =>
                {
                    using var cmd = new NpgsqlCommand(backend.Sql.JournalAppend, conn);
                    cmd.Parameters.Add(new() { Value = workspace });
                    cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = batch.ToArray() });
                    return cmd.ExecuteNonQuery();
                });
            }
            catch (StateBackendException ex)
            {
                lock (_lock)
                    _failure = ex;
                throw;
            }
        }
        Volatile.Write(ref _flushed, target);
    }

    public void Dispose()
    {
        lock (_flushLock)
        {
            lock (_lock)
            {
                if (_disposed)
                    return;
                _disposed = true;
            }
            try
            {
                FlushQueued();
            }
            catch (StateBackendException)
            {
                // Never flushed, never promised durable.
            }
        }
    }
}
