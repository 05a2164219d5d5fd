using System.Buffers;
using System.Text.Json;

namespace Provisioner.State.Journal;

/// <summary>
/// Appends records to an apply journal (a JSON-lines file next to the state, mode 0600). Thread-safe.
/// </summary>
/// <remarks>
/// <para>Each record is one line written with one <c>write</c> call at the end of the file: an append costs O(1)
/// whatever the size of the state, and a writer killed mid-append leaves at most a torn last line, which
/// <see cref="JournalFile.Read"/> ignores.</para>
/// <para><see cref="AppendIntent"/> returns only once the record is on disk (fsync): the provider call it announces
/// may then be made. <see cref="AppendResult"/> does not sync by itself (the next intent's fsync, or
/// <see cref="Dispose"/>, carries it to disk): a result lost in a power cut is recovered through the provider.</para>
/// </remarks>
public sealed class JournalWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };
    private readonly FileStream _stream;
    private readonly Lock _lock = new();
    private readonly Lock _syncLock = new();
    private long _seq;
    private long _synced;
    private bool _disposed;

    private JournalWriter(string path, FileStream stream, long lastSeq)
    {
        Path = path;
        _stream = stream;
        _seq = lastSeq;
    }

    /// <summary>The highest sequence number known to be on disk.</summary>
    internal long SyncedThrough => Volatile.Read(ref _synced);

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating, mode 0600) the journal at <paramref name="path"/> for appending.</summary>
    /// <param name="path">The journal file, normally <see cref="JournalFile.PathFor"/> of the state file.</param>
    /// <param name="lastSeq">The highest sequence number already in the file (0 for a new journal).</param>
    public static JournalWriter Open(string path, long lastSeq = 0)
    {
        var full = System.IO.Path.GetFullPath(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var existed = File.Exists(full);
        var stream = new FileStream(full, options);
        if (!existed)
            AtomicFile.FsyncDirectory(System.IO.Path.GetDirectoryName(full)!);
        return new JournalWriter(full, stream, lastSeq);
    }

    /// <summary>Appends an intent and syncs it to disk; returns the intent with its assigned sequence number.</summary>
    public JournalIntent AppendIntent(JournalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        JournalIntent numbered;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            numbered = intent with { Seq = ++_seq };
            _stream.Write(Encode(numbered));
        }
        SyncThrough(numbered.Seq);
        return numbered;
    }

    /// <summary>
    /// Group commit: returns once every record up to <paramref name="seq"/> is on disk. One fsync covers every record
    /// written before it started, so concurrent intents wait for one sync instead of each paying for their own.
    /// </summary>
    private void SyncThrough(long seq)
    {
        if (Volatile.Read(ref _synced) >= seq)
            return;
        lock (_syncLock)
        {
            if (_synced >= seq)
                return;
            long target;
            lock (_lock)
                target = _seq;
            RandomAccess.FlushToDisk(_stream.SafeFileHandle);
            Volatile.Write(ref _synced, target);
        }
    }

    /// <summary>Appends a result (written to the file, synced with the next intent or on dispose).</summary>
    public JournalResult AppendResult(JournalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var numbered = result with { Seq = ++_seq };
            _stream.Write(Encode(numbered));
            return numbered;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
        }
    }

    internal static byte[] Encode(JournalIntent i)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (i.PriorJson?.Length ?? 0) + (i.PlannedJson?.Length ?? 0));
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("type", "intent");
            w.WriteNumber("seq", i.Seq);
            w.WriteString("lineage", i.Lineage);
            w.WriteNumber("serial", i.Serial);
            w.WriteString("address", i.Address);
            w.WriteString("module", i.Module);
            w.WriteString("resource_type", i.Type);
            w.WriteString("name", i.Name);
            w.WriteString("each", i.Each);
            switch (i.Key)
            {
                case long n:
                    w.WriteNumber("index_key", n);
                    break;
                case string s:
                    w.WriteString("index_key", s);
                    break;
            }
            if (i.Deposed is not null)
                w.WriteString("deposed", i.Deposed);
            w.WriteString("kind", i.Kind);
            w.WriteString("token", i.Token);
            w.WriteNumber("generation", i.Generation);
            w.WriteString("provider", i.Provider);
            if (i.PriorJson is not null)
            {
                w.WritePropertyName("prior");
                w.WriteRawValue(i.PriorJson, skipInputValidation: true);
            }
            if (i.PlannedJson is not null)
            {
                w.WritePropertyName("planned");
                w.WriteRawValue(i.PlannedJson, skipInputValidation: true);
            }
            if (i.DeposeCurrentAs is not null)
                w.WriteString("depose_current_as", i.DeposeCurrentAs);
            w.WriteEndObject();
        }
        return Line(buffer);
    }

    internal static byte[] Encode(JournalResult r)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (r.Instance?.AttributesJson.Length ?? 0));
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("type", "result");
            w.WriteNumber("seq", r.Seq);
            w.WriteNumber("intent", r.Intent);
            w.WriteString("token", r.Token);
            w.WriteBoolean("succeeded", r.Succeeded);
            if (r.Instance is not null)
            {
                w.WritePropertyName("instance");
                StateJson.WriteInstance(w, r.Instance);
            }
            w.WriteEndObject();
        }
        return Line(buffer);
    }

    /// <summary>The record as one line: raw values copied from an indented state file are compacted first.</summary>
    private static byte[] Line(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.WrittenSpan.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            using var doc = JsonDocument.Parse(buffer.WrittenMemory);
            var compact = new ArrayBufferWriter<byte>(buffer.WrittenCount);
            using (var w = new Utf8JsonWriter(compact, Options))
                doc.WriteTo(w);
            buffer = compact;
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
