using System.Buffers;
using System.Text.Json;
using Provisioner.State.Backends;

namespace Provisioner.State.Journal;

/// <summary>
/// Appends records to an apply journal: numbers them, encodes them (one line of JSON each, encrypted when the state
/// is) and hands them to the backend's <see cref="IJournalAppender"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para><see cref="AppendIntent"/> returns only once the record is durable: the provider call it announces may
/// then be made. Concurrent intents share one sync (group commit). <see cref="AppendResult"/> does not sync by itself
/// (the next intent's sync, or <see cref="Dispose"/>, carries it): a result lost in a power cut is recovered through
/// the provider.</para>
/// </remarks>
public sealed class JournalWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };
    private readonly IJournalAppender _appender;
    private readonly IStateCipher? _cipher;
    private readonly Lock _lock = new();
    private long _seq;
    private long _synced;
    private bool _disposed;

    /// <summary>Appends to <paramref name="appender"/>, numbering after <paramref name="lastSeq"/>.</summary>
    public JournalWriter(IJournalAppender appender, long lastSeq = 0, IStateCipher? cipher = null)
    {
        _appender = appender;
        _seq = lastSeq;
        _cipher = cipher;
    }

    /// <summary>The highest sequence number known to be durable.</summary>
    internal long SyncedThrough => Volatile.Read(ref _synced);

    /// <summary>Opens (creating, mode 0600) the local journal file at <paramref name="path"/> for appending.</summary>
    /// <param name="path">The journal file, normally <see cref="JournalFile.PathFor"/> of the state file.</param>
    /// <param name="lastSeq">The highest sequence number already in the file (0 for a new journal).</param>
    public static JournalWriter Open(string path, long lastSeq = 0) => new(FileJournalAppender.Open(path), lastSeq);

    /// <summary>Appends an intent and makes it durable; returns the intent with its assigned sequence number.</summary>
    public JournalIntent AppendIntent(JournalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        JournalIntent numbered;
        long position;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            numbered = intent with { Seq = ++_seq };
            position = _appender.Write(Seal(Encode(numbered)));
        }
        _appender.Flush(position);
        var seq = numbered.Seq;
        long seen;
        while ((seen = Volatile.Read(ref _synced)) < seq && Interlocked.CompareExchange(ref _synced, seq, seen) != seen)
        {
        }
        return numbered;
    }

    /// <summary>Appends a result (made durable with the next intent or on dispose).</summary>
    public JournalResult AppendResult(JournalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var numbered = result with { Seq = ++_seq };
            _appender.Write(Seal(Encode(numbered)));
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
            _appender.Dispose();
        }
    }

    private byte[] Seal(byte[] line) => _cipher is null ? line : _cipher.EncryptRecord(line);

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
            if (i.Dependencies is { Count: > 0 } deps)
            {
                w.WriteStartArray("dependencies");
                foreach (var d in deps)
                    w.WriteStringValue(d);
                w.WriteEndArray();
            }
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

    /// <summary>The record as one line (without newline): raw values copied from an indented state file are compacted first.</summary>
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
        return buffer.WrittenSpan.ToArray();
    }
}
