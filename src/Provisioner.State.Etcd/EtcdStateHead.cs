using System.Buffers;
using System.Text.Json;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// The value of a workspace's head key: the stored state's version in clear (compare-and-swap and messages never
/// need the bytes or the encryption key), which generation of chunks holds its bytes, their count, size and SHA-256,
/// and the previous generation (kept as a backup until the next write).
/// </summary>
internal sealed record EtcdStateHead(
    StateVersion Version,
    string Generation,
    int Chunks,
    long Size,
    string Sha256,
    string? PreviousGeneration,
    StateVersion? PreviousVersion)
{
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("lineage", Version.Lineage);
            w.WriteNumber("serial", Version.Serial);
            w.WriteString("generation", Generation);
            w.WriteNumber("chunks", Chunks);
            w.WriteNumber("size", Size);
            w.WriteString("sha256", Sha256);
            if (PreviousGeneration is not null && PreviousVersion is { } pv)
            {
                w.WriteStartObject("previous");
                w.WriteString("generation", PreviousGeneration);
                w.WriteString("lineage", pv.Lineage);
                w.WriteNumber("serial", pv.Serial);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The head, or null when the value is not a head this backend wrote (damaged or foreign).</summary>
    public static EtcdStateHead? TryParse(ReadOnlySpan<byte> value)
    {
        try
        {
            using var doc = JsonDocument.Parse(value.ToArray());
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object)
                return null;
            string? prevGen = null;
            StateVersion? prev = null;
            if (r.TryGetProperty("previous", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                prevGen = p.GetProperty("generation").GetString();
                prev = new StateVersion(p.GetProperty("lineage").GetString()!, p.GetProperty("serial").GetInt64());
            }
            return new EtcdStateHead(
                new StateVersion(r.GetProperty("lineage").GetString()!, r.GetProperty("serial").GetInt64()),
                r.GetProperty("generation").GetString()!,
                r.GetProperty("chunks").GetInt32(),
                r.GetProperty("size").GetInt64(),
                r.GetProperty("sha256").GetString()!,
                prevGen,
                prev);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
