using System.Globalization;
using System.Text;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// A workspace's apply journal in etcd: under <c>P journal/W/</c>, one key per flush (group commit) holding its records
/// newline-separated, named by the zero-padded sequence number of its last record so that keys sort in append order
/// (a key holding one record is the same layout). Appends are single puts (O(1) whatever the journal's size).
/// </summary>
internal sealed class EtcdJournalStorage(EtcdClient client, EtcdKeys keys, string workspace) : IJournalStorage
{
    private readonly string _prefix = keys.JournalPrefix(workspace);

    private const int PageSize = 1000;

    private byte[] PrefixBytes => EtcdKeys.Bytes(_prefix);

    public async Task<bool> ExistsAsync(CancellationToken ct)
    {
        var r = await client.RangeAsync(PrefixBytes, EtcdKeys.RangeEnd(PrefixBytes), ct, countOnly: true).ConfigureAwait(false);
        return EtcdJson.Int64(r, "count") > 0;
    }

    public async Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken ct)
    {
        var output = new MemoryStream();
        var end = EtcdKeys.RangeEnd(PrefixBytes);
        var from = PrefixBytes;
        long revision = 0;
        while (true)
        {
            // Pages at the first page's revision: one consistent view of the journal.
            var r = await client.RangeAsync(from, end, ct, revision, PageSize).ConfigureAwait(false);
            if (revision == 0)
                revision = EtcdJson.HeaderRevision(r);
            var kvs = EtcdJson.Kvs(r);
            foreach (var kv in kvs)
            {
                output.Write(kv.Value);
                output.WriteByte((byte)'\n');
            }
            if (kvs.Count < PageSize || !EtcdJson.Bool(r, "more"))
                break;
            from = [.. kvs[^1].Key, 0];
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    public IJournalAppender OpenAppender()
    {
        // Continue after the last record there (keys sort by sequence number; a key is named by its last record).
        var r = client.Range(PrefixBytes, EtcdKeys.RangeEnd(PrefixBytes), limit: 1, keysOnly: true, descending: true);
        long last = 0;
        if (EtcdJson.Kvs(r).FirstOrDefault() is { } kv)
        {
            var name = Encoding.UTF8.GetString(kv.Key)[_prefix.Length..];
            if (!long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out last))
                throw new StateBackendException($"The apply journal under \"{_prefix}\" holds a key that is not a record: \"{Encoding.UTF8.GetString(kv.Key)}\".");
        }
        return new EtcdJournalAppender(client, seq => EtcdKeys.Bytes(keys.JournalRecord(workspace, seq)), last);
    }

    public async Task DeleteAsync(CancellationToken ct) =>
        await client.DeleteRangeAsync(PrefixBytes, EtcdKeys.RangeEnd(PrefixBytes), ct).ConfigureAwait(false);

}
