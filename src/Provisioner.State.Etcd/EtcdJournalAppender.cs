using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// Appends journal records to etcd. <see cref="Write"/> only queues; <see cref="Flush"/> puts every queued record in
/// one transaction (group commit: concurrent flushers share it) and returns once etcd acknowledged it, which it does
/// after committing to its raft log (fsynced). The records of one flush share one key, named by the last record's
/// sequence number, newline-separated (records hold no newline): etcd's cost is per key (index entry, revision,
/// bucket entry), so a flush costs one key whatever the number of concurrent writers that joined it.
/// </summary>
internal sealed class EtcdJournalAppender(EtcdClient client, Func<long, byte[]> keyOf, long lastSeq) : IJournalAppender
{
    /// <summary>The most bytes of records per key and transaction: etcd's default request limit is 1.5 MiB, and the JSON gateway sends values base64-encoded (4/3).</summary>
    private const int MaxBytesPerKey = 768 * 1024;

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
                    while (start + count < batch.Count && (count == 0 || bytes + 1 + batch[start + count].Record.Length <= MaxBytesPerKey))
                        bytes += batch[start + count++].Record.Length + 1;
                    Put(batch, start, count);
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

    /// <summary>Puts <paramref name="count"/> records from <paramref name="start"/> as one key (named by the last one's sequence number).</summary>
    private void Put(List<(long Seq, byte[] Record)> batch, int start, int count)
    {
        var length = count - 1;
        for (var i = start; i < start + count; i++)
            length += batch[i].Record.Length;
        var value = new byte[length];
        var at = 0;
        for (var i = start; i < start + count; i++)
        {
            if (i > start)
                value[at++] = (byte)'\n';
            batch[i].Record.CopyTo(value, at);
            at += batch[i].Record.Length;
        }
        client.Txn(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("success");
            EtcdTxnOps.Put(w, keyOf(batch[start + count - 1].Seq), value);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

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
