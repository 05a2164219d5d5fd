using System.Text.Json;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// <c>cluster.jsonl</c> in an inventory directory: the simulated node software's append-only JSON-lines log, in the
/// style of <see cref="InventoryLog"/> and under the same lock (<see cref="InventoryLock"/>), so machine changes and
/// node-software changes are ordered against each other. Every call must be made with that lock held.
/// </summary>
/// <remarks>The file is opened per call (no handle is kept); a reader keeps the offset of what it replayed. A torn
/// last line (a writer killed mid-write) is left unread, terminated by the next writer and skipped.</remarks>
internal sealed class ClusterLog(string directory)
{
    public const string FileName = "cluster.jsonl";

    private readonly string _path = Path.Combine(directory, FileName);
    private long _offset;
    private long _length;

    /// <summary>Replays the records appended since the last call.</summary>
    public void ReadNew(Action<ClusterRecord> apply)
    {
        if (!File.Exists(_path))
            return;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _length = file.Length;
        if (_length <= _offset)
            return;
        var bytes = new byte[_length - _offset];
        file.Position = _offset;
        file.ReadExactly(bytes);
        var start = 0;
        while (start < bytes.Length)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', start);
            if (nl < 0)
                break;
            Parse(bytes.AsSpan(start, nl - start), apply);
            _offset += nl - start + 1;
            start = nl + 1;
        }
    }

    /// <summary>Appends one record (after <see cref="ReadNew"/>).</summary>
    public void Append(ClusterRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, ClusterJsonContext.Default.ClusterRecord);
        var torn = _length > _offset ? 1 : 0;
        var line = new byte[torn + json.Length + 1];
        if (torn == 1)
            line[0] = (byte)'\n';
        json.CopyTo(line, torn);
        line[^1] = (byte)'\n';
        using (var file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0))
        {
            file.Position = _length;
            file.Write(line);
        }
        _length += line.Length;
        _offset = _length;
    }

    private static void Parse(ReadOnlySpan<byte> line, Action<ClusterRecord> apply)
    {
        if (line.IsEmpty)
            return;
        ClusterRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, ClusterJsonContext.Default.ClusterRecord);
        }
        catch (JsonException)
        {
            return;
        }
        if (record is { Op: not null, Cluster: not null, Node: not null })
            apply(record);
    }
}
