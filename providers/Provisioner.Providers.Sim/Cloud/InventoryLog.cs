using System.Text.Json;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// The durable part of the simulated cloud: an append-only JSON-lines file (<c>inventory.jsonl</c>), one record per
/// mutation, in a directory shared by every process that talks to the same "cloud".
/// </summary>
/// <remarks>
/// <para>Every read and append happens under an exclusive lock (<see cref="InventoryLock"/>: an OS lock on
/// <c>inventory.lock</c>, released when a process dies). A reader keeps the byte offset of what it has replayed and reads only what was
/// appended since.</para>
/// <para>Appends are single <c>write</c> calls without fsync: a killed process's records survive in the page cache,
/// so the simulated cloud survives process death (what the engine's crash tests need), not a power cut.</para>
/// <para>A process killed in the middle of a write can leave a torn last line. Readers leave an unterminated tail
/// unread; the next writer terminates it with a newline before appending, and readers skip lines that do not parse.</para>
/// </remarks>
internal sealed class InventoryLog : IDisposable
{
    public const string LogFileName = "inventory.jsonl";
    public const string LockFileName = "inventory.lock";
    private readonly InventoryLock _lock;
    private readonly FileStream _file;
    private byte[] _buffer = new byte[64 * 1024];
    private long _offset;
    private long _length;

    public InventoryLog(string directory, bool create)
    {
        Directory = directory;
        if (create)
            System.IO.Directory.CreateDirectory(directory);
        _file = new FileStream(Path.Combine(directory, LogFileName), create ? FileMode.OpenOrCreate : FileMode.Open,
            FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _lock = InventoryLock.Acquire(directory);
    }

    public string Directory { get; }

    /// <summary>Lines that did not parse (torn writes), so far.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Takes the lock shared by every process and thread using this inventory; dispose the result to release it.</summary>
    public InventoryLock.Held Lock(CancellationToken ct) => _lock.Enter(ct);

    /// <summary>Reads the records appended since the last call (call under <see cref="Lock"/>).</summary>
    public void ReadNew(Action<InventoryRecord> apply)
    {
        _length = _file.Length;
        if (_length <= _offset)
            return;
        var pending = _length - _offset;
        _file.Position = _offset;
        var carried = 0;
        while (pending > 0)
        {
            var want = (int)Math.Min(pending, _buffer.Length - carried);
            if (want == 0)
            {
                // One line longer than the buffer: grow it.
                Array.Resize(ref _buffer, _buffer.Length * 2);
                continue;
            }
            var read = _file.Read(_buffer, carried, want);
            if (read <= 0)
                break;
            pending -= read;
            var filled = carried + read;
            var start = 0;
            while (true)
            {
                var nl = Array.IndexOf(_buffer, (byte)'\n', start, filled - start);
                if (nl < 0)
                    break;
                Parse(_buffer.AsSpan(start, nl - start), apply);
                _offset += nl - start + 1;
                start = nl + 1;
            }
            carried = filled - start;
            if (carried > 0 && start > 0)
                Buffer.BlockCopy(_buffer, start, _buffer, 0, carried);
        }
    }

    /// <summary>Appends one record (call under <see cref="Lock"/>, after <see cref="ReadNew"/>).</summary>
    public void Append(InventoryRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, InventoryJsonContext.Default.InventoryRecord);
        // A torn tail (from a writer killed mid-write) is terminated first so that this record starts a line.
        var torn = _length > _offset ? 1 : 0;
        var line = new byte[torn + json.Length + 1];
        if (torn == 1)
            line[0] = (byte)'\n';
        json.CopyTo(line, torn);
        line[^1] = (byte)'\n';
        _file.Position = _length;
        _file.Write(line);
        if (torn == 1)
            SkippedLines++;
        _length += line.Length;
        _offset = _length;
    }

    private void Parse(ReadOnlySpan<byte> line, Action<InventoryRecord> apply)
    {
        if (line.IsEmpty)
            return;
        InventoryRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, InventoryJsonContext.Default.InventoryRecord);
        }
        catch (JsonException)
        {
            record = null;
        }
        if (record is null || record.Op is null || record.Kind is null || record.Id is null)
        {
            SkippedLines++;
            return;
        }
        apply(record);
    }

    public void Dispose()
    {
        _file.Dispose();
        _lock.Release();
    }
}
