using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// Appends journal records as etcd keys. <see cref="Write"/> only queues; <see cref="Flush"/> puts every queued record
/// in one transaction (group commit: concurrent flushers share it) and returns once etcd acknowledged it, which it does
/// after committing to its raft log (fsynced).
/// </summary>
internal sealed class EtcdJournalAppender(EtcdClient client, Func<long, byte[]> keyOf, long lastSeq) : IJournalAppender
{
    /// <summary>etcd's default <c>--max-txn-ops</c> is 128; its request limit 1.5 MiB.</summary>
    private const int MaxOpsPerTxn = 100;

    private const int MaxBytesPerTxn = 768 * 1024;

    private readonly Lock _queueGate = new();
    private readonly Lock _flushGate = new();
    private readonly List<(long Seq, byte[] Record)> _queue = [];
    private long _next = lastSeq;
    private long _durable = lastSeq;

    public long Write(ReadOnlySpan<byte> record)
    {
        if (record.IndexOf((byte)'\n') >= 0)
            throw new ArgumentException("A journal record must not contain a newline.", nameof(record));
        lock (_queueGate)
        {
            var seq = ++_next;
            _queue.Add((seq, record.ToArray()));
            return seq;
        }
    }

    public void Flush(long through)
    {
        if (Interlocked.Read(ref _durable) >= through)
            return;
        lock (_flushGate)
        {
            if (Interlocked.Read(ref _durable) >= through)
                return;
            List<(long Seq, byte[] Record)> batch;
            lock (_queueGate)
            {
                batch = [.. _queue];
                _queue.Clear();
            }
            try
            {
                for (var start = 0; start < batch.Count;)
                {
                    var count = 0;
                    var bytes = 0;
                    while (start + count < batch.Count && count < MaxOpsPerTxn && (count == 0 || bytes + batch[start + count].Record.Length < MaxBytesPerTxn))
                        bytes += batch[start + count++].Record.Length;
                    Put(batch.GetRange(start, count));
                    start += count;
                    Interlocked.Exchange(ref _durable, batch[start - 1].Seq);
                }
            }
            catch
            {
                // Not stored (at least not acknowledged): keep them queued for the next flush.
                lock (_queueGate)
                {
                    var done = Interlocked.Read(ref _durable);
                    _queue.InsertRange(0, batch.Where(b => b.Seq > done));
                }
                throw;
            }
        }
    }

    private void Put(List<(long Seq, byte[] Record)> records) =>
        client.Txn(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("success");
            foreach (var (seq, record) in records)
            {
                w.WriteStartObject();
                w.WriteStartObject("request_put");
                w.WriteBase64String("key", keyOf(seq));
                w.WriteBase64String("value", record);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public void Dispose()
    {
        long last;
        lock (_queueGate)
            last = _next;
        try
        {
            Flush(last);
        }
        catch (StateBackendException)
        {
            // Records never flushed were never promised durable.
        }
    }
}
