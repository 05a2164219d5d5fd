using System.Globalization;
using System.Text.Json;

namespace Provisioner.State.Journal;

/// <summary>
/// The apply journal of a state file (<c>provisioner.state.json.journal</c>, documented in
/// <c>docs/state-format.md</c>): where it lives, and a reader that tolerates a torn last line.
/// </summary>
public static class JournalFile
{
    public const string Suffix = ".journal";

    /// <summary>The journal that belongs to the state file at <paramref name="statePath"/>.</summary>
    public static string PathFor(string statePath) => Path.GetFullPath(statePath) + Suffix;

    /// <summary>Reads a journal; a missing file reads as empty. A torn last line (a writer killed mid-append) is
    /// ignored; any other undecodable line is an error naming the file and the line.</summary>
    public static JournalReadResult Read(string path)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
                return new JournalReadResult(JournalContents.Empty, null);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new JournalReadResult(null, $"Cannot read the apply journal {path}: {ex.Message}");
        }
        return Decode(bytes, path);
    }

    /// <summary>Decodes journal bytes (see <see cref="Read"/>); <paramref name="path"/> names the file in errors.</summary>
    public static JournalReadResult Decode(ReadOnlyMemory<byte> bytes, string path)
    {
        var intents = new List<JournalIntent>();
        var results = new Dictionary<long, JournalResult>();
        var torn = false;
        var rest = bytes;
        var lineNo = 0;
        while (rest.Length > 0)
        {
            lineNo++;
            var nl = rest.Span.IndexOf((byte)'\n');
            if (nl < 0)
            {
                // No newline: the writer died during this append. Nothing after it can exist.
                torn = true;
                break;
            }
            var line = rest[..nl];
            rest = rest[(nl + 1)..];
            if (line.Span.Trim(" \t\r"u8).Length == 0)
                continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var e = doc.RootElement;
                switch (Str(e, "type"))
                {
                    case "intent":
                        intents.Add(DecodeIntent(e));
                        break;
                    case "result":
                        var r = DecodeResult(e);
                        results[r.Intent] = r;
                        break;
                    default:
                        throw new StateFormatException("unknown record type");
                }
            }
            catch (Exception ex) when (ex is JsonException or StateFormatException or InvalidOperationException or FormatException)
            {
                return new JournalReadResult(null,
                    $"The apply journal {path} is corrupted at line {lineNo.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
            }
        }
        intents.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new JournalReadResult(new JournalContents(intents, results, torn), null);
    }

    /// <summary>Deletes the journal (after its content was compacted into the state) and syncs the directory.</summary>
    public static void Delete(string path)
    {
        if (!File.Exists(path))
            return;
        File.Delete(path);
        AtomicFile.FsyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    private static JournalIntent DecodeIntent(JsonElement e)
    {
        object? key = e.TryGetProperty("index_key", out var k)
            ? k.ValueKind == JsonValueKind.Number ? k.GetInt64() : k.GetString()
            : null;
        return new JournalIntent(
            e.GetProperty("seq").GetInt64(),
            Req(e, "lineage"),
            e.GetProperty("serial").GetInt64(),
            Req(e, "address"),
            Str(e, "module") ?? "",
            Req(e, "resource_type"),
            Req(e, "name"),
            Str(e, "each") ?? "",
            key,
            Str(e, "deposed"),
            Req(e, "kind"),
            Req(e, "token"),
            e.GetProperty("generation").GetInt64(),
            Req(e, "provider"),
            Raw(e, "prior"),
            Raw(e, "planned"),
            Str(e, "depose_current_as"),
            e.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Array
                ? deps.EnumerateArray().Select(d => d.GetString() ?? throw new StateFormatException("a dependency is not a string")).ToList()
                : null);
    }

    private static JournalResult DecodeResult(JsonElement e)
    {
        var instance = e.TryGetProperty("instance", out var i) && i.ValueKind == JsonValueKind.Object
            ? StateJson.DecodeInstance(i, Req(e, "token"))
            : null;
        return new JournalResult(e.GetProperty("seq").GetInt64(), e.GetProperty("intent").GetInt64(), Req(e, "token"),
            e.GetProperty("succeeded").GetBoolean(), instance);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Req(JsonElement e, string name) =>
        Str(e, name) ?? throw new StateFormatException($"missing \"{name}\"");

    private static string? Raw(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetRawText() : null;
}
