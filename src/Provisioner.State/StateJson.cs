using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Provisioner.State;

/// <summary>
/// The state file format (documented in <c>docs/state-format.md</c>): streaming writer, validating reader.
/// </summary>
/// <remarks>
/// Attribute values are copied as raw JSON in both directions, so reading and writing 100,000 instances costs one
/// pass over the bytes. Output is deterministic (resources in the order held, keys in a fixed order) so that two
/// writes of the same state are byte-identical.
/// </remarks>
public static class StateJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, SkipValidation = false };

    public static byte[] Serialize(StateSnapshot state)
    {
        var buffer = new ArrayBufferWriter<byte>(4096 + state.InstanceCount * 512);
        Write(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(StateSnapshot state, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var hashing = new HashingBufferWriter(output);
        using var w = new Utf8JsonWriter(hashing, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("format_version", state.FormatVersion);
        w.WriteString("provisioner_version", state.ProvisionerVersion);
        w.WriteString("lineage", state.Lineage);
        w.WriteNumber("serial", state.Serial);

        w.WriteStartObject("outputs");
        foreach (var (name, o) in state.Outputs)
        {
            w.WriteStartObject(name);
            w.WritePropertyName("value");
            w.WriteRawValue(o.ValueJson, skipInputValidation: true);
            w.WritePropertyName("type");
            w.WriteRawValue(o.TypeJson, skipInputValidation: true);
            w.WriteBoolean("sensitive", o.Sensitive);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartArray("resources");
        foreach (var r in state.Resources)
        {
            w.WriteStartObject();
            if (r.Module.Length > 0)
                w.WriteString("module", r.Module);
            w.WriteString("mode", r.Mode);
            w.WriteString("type", r.Type);
            w.WriteString("name", r.Name);
            if (r.Each.Length > 0)
                w.WriteString("each", r.Each);
            w.WriteString("provider", r.Provider);
            w.WriteStartArray("instances");
            foreach (var i in r.Instances)
                WriteInstance(w, i);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // The checksum covers every byte before it (from "{" to the end of "resources"); it is the last property.
        w.Flush();
        w.WriteString(ChecksumProperty, ChecksumPrefix + hashing.Finish());
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    private const string ChecksumProperty = "checksum";
    private const string ChecksumPrefix = "sha256:";

    /// <summary>
    /// Verifies the <c>checksum</c> property (absent in files written before it existed): SHA-256 of the file's bytes
    /// from its start to the end of the value before the checksum, which must be the last property.
    /// </summary>
    private static string? VerifyChecksum(ReadOnlySpan<byte> bytes, JsonElement root)
    {
        if (!root.TryGetProperty(ChecksumProperty, out var cs))
            return null;
        const string corrupted = "The state file's checksum does not match its content: the file is corrupted, or was edited by hand. " +
            "(If you edited it on purpose, delete its \"checksum\" property to accept the edit.)";
        string? last = null;
        foreach (var p in root.EnumerateObject())
            last = p.Name;
        var expected = cs.ValueKind == JsonValueKind.String ? cs.GetString()! : "";
        if (last != ChecksumProperty || !expected.StartsWith(ChecksumPrefix, StringComparison.Ordinal))
            return corrupted;
        var end = bytes.LastIndexOf("\"checksum\""u8);
        if (end < 0)
            return corrupted;
        var content = bytes[..end].TrimEnd(" \t\r\n"u8);
        if (content.Length == 0 || content[^1] != (byte)',')
            return corrupted;
        content = content[..^1].TrimEnd(" \t\r\n"u8);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        return string.Equals(actual, expected[ChecksumPrefix.Length..], StringComparison.Ordinal) ? null : corrupted;
    }

    internal static void WriteInstance(Utf8JsonWriter w, InstanceState i)
    {
        w.WriteStartObject();
        switch (i.Key)
        {
            case long n:
                w.WriteNumber("index_key", n);
                break;
            case string s:
                w.WriteString("index_key", s);
                break;
        }
        if (i.Status == InstanceStatus.Tainted)
            w.WriteString("status", "tainted");
        if (i.Deposed is not null)
            w.WriteString("deposed", i.Deposed);
        w.WriteNumber("schema_version", i.SchemaVersion);
        if (i.Generation != 0)
            w.WriteNumber("generation", i.Generation);
        w.WritePropertyName("attributes");
        w.WriteRawValue(i.AttributesJson, skipInputValidation: true);
        if (i.SensitivePaths.Count > 0)
        {
            w.WriteStartArray("sensitive_attributes");
            foreach (var p in i.SensitivePaths)
                w.WriteStringValue(p);
            w.WriteEndArray();
        }
        if (i.Private is { Length: > 0 })
            w.WriteBase64String("private", i.Private);
        if (i.Dependencies.Count > 0)
        {
            w.WriteStartArray("dependencies");
            foreach (var d in i.Dependencies)
                w.WriteStringValue(d);
            w.WriteEndArray();
        }
        if (i.CreateBeforeDestroy)
            w.WriteBoolean("create_before_destroy", true);
        w.WriteEndObject();
    }

    /// <summary>Decodes a state file; every problem is a message naming what is wrong and where.</summary>
    public static StateReadResult Read(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            return new StateReadResult(null, $"The state file is not valid JSON{where}: it may be corrupted or truncated.");
        }
        using (doc)
        {
            try
            {
                var state = Decode(doc.RootElement);
                var checksumError = VerifyChecksum(bytes.Span, doc.RootElement);
                return checksumError is null ? new StateReadResult(state, null) : new StateReadResult(null, checksumError);
            }
            catch (StateFormatException ex)
            {
                return new StateReadResult(null, ex.Message);
            }
        }
    }

    private static StateSnapshot Decode(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new StateFormatException("The state file must contain a JSON object.");
        var version = RequiredInt(root, "format_version", "the state");
        if (version > StateSnapshot.CurrentFormatVersion)
        {
            throw new StateFormatException(
                $"The state file uses format version {version}, which is newer than this Provisioner supports ({StateSnapshot.CurrentFormatVersion}). " +
                "Upgrade Provisioner to read it; the file was left untouched.");
        }
        if (version < 1)
            throw new StateFormatException($"The state file has an invalid format_version {version}.");
        var lineage = RequiredString(root, "lineage", "the state");
        var serial = RequiredLong(root, "serial", "the state");
        var state = new StateSnapshot(lineage, serial)
        {
            FormatVersion = StateSnapshot.CurrentFormatVersion,
            ProvisionerVersion = OptionalString(root, "provisioner_version") ?? "",
        };

        if (root.TryGetProperty("outputs", out var outputs))
        {
            if (outputs.ValueKind != JsonValueKind.Object)
                throw new StateFormatException("\"outputs\" must be an object.");
            foreach (var o in outputs.EnumerateObject())
            {
                if (!o.Value.TryGetProperty("value", out var value) || !o.Value.TryGetProperty("type", out var type))
                    throw new StateFormatException($"Output \"{o.Name}\" must have a value and a type.");
                var sensitive = o.Value.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True;
                state.Outputs[o.Name] = new OutputState(value.GetRawText(), type.GetRawText(), sensitive);
            }
        }

        if (root.TryGetProperty("resources", out var resources))
        {
            if (resources.ValueKind != JsonValueKind.Array)
                throw new StateFormatException("\"resources\" must be an array.");
            var n = 0;
            foreach (var r in resources.EnumerateArray())
            {
                var where = $"resource #{n++}";
                var res = new ResourceState(
                    OptionalString(r, "module") ?? "",
                    RequiredString(r, "mode", where),
                    RequiredString(r, "type", where),
                    RequiredString(r, "name", where),
                    RequiredString(r, "provider", where))
                {
                    Each = OptionalString(r, "each") ?? "",
                };
                if (res.Mode is not ("managed" or "data"))
                    throw new StateFormatException($"{res.Address}: mode must be \"managed\" or \"data\".");
                if (r.TryGetProperty("instances", out var instances))
                {
                    if (instances.ValueKind != JsonValueKind.Array)
                        throw new StateFormatException($"{res.Address}: \"instances\" must be an array.");
                    foreach (var i in instances.EnumerateArray())
                        res.Instances.Add(DecodeInstance(i, res.Address));
                }
                state.Resources.Add(res);
            }
        }
        return state;
    }

    internal static InstanceState DecodeInstance(JsonElement i, string address)
    {
        if (i.ValueKind != JsonValueKind.Object)
            throw new StateFormatException($"{address}: each instance must be an object.");
        var inst = new InstanceState();
        if (i.TryGetProperty("index_key", out var key))
        {
            inst.Key = key.ValueKind switch
            {
                JsonValueKind.Number when key.TryGetInt64(out var n) => n,
                JsonValueKind.String => key.GetString(),
                _ => throw new StateFormatException($"{address}: index_key must be an integer or a string."),
            };
        }
        var where = address + inst.KeyString;
        if (OptionalString(i, "status") is { } status)
        {
            inst.Status = status switch
            {
                "tainted" => InstanceStatus.Tainted,
                "ready" => InstanceStatus.Ready,
                _ => throw new StateFormatException($"{where}: unknown status \"{status}\"."),
            };
        }
        inst.Deposed = OptionalString(i, "deposed");
        inst.SchemaVersion = i.TryGetProperty("schema_version", out var sv) && sv.TryGetInt32(out var svn) ? svn : 0;
        inst.Generation = i.TryGetProperty("generation", out var g) && g.TryGetInt64(out var gn) ? gn : 0;
        if (!i.TryGetProperty("attributes", out var attrs) || attrs.ValueKind != JsonValueKind.Object)
            throw new StateFormatException($"{where}: \"attributes\" must be an object.");
        inst.AttributesJson = attrs.GetRawText();
        if (i.TryGetProperty("sensitive_attributes", out var sens))
        {
            foreach (var p in sens.EnumerateArray())
                inst.SensitivePaths.Add(p.GetString() ?? throw new StateFormatException($"{where}: sensitive_attributes must be strings."));
        }
        if (i.TryGetProperty("private", out var priv) && priv.ValueKind == JsonValueKind.String)
        {
            if (!priv.TryGetBytesFromBase64(out var bytes))
                throw new StateFormatException($"{where}: \"private\" is not valid base64.");
            inst.Private = bytes;
        }
        if (i.TryGetProperty("dependencies", out var deps))
        {
            foreach (var d in deps.EnumerateArray())
                inst.Dependencies.Add(d.GetString() ?? throw new StateFormatException($"{where}: dependencies must be strings."));
        }
        inst.CreateBeforeDestroy = i.TryGetProperty("create_before_destroy", out var cbd) && cbd.ValueKind == JsonValueKind.True;
        return inst;
    }

    private static string RequiredString(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new StateFormatException($"{Capitalize(where)} is missing the string property \"{name}\".");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int RequiredInt(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)
            ? n
            : throw new StateFormatException($"{Capitalize(where)} is missing the integer property \"{name}\".");

    private static long RequiredLong(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
            ? n
            : throw new StateFormatException($"{Capitalize(where)} is missing the integer property \"{name}\".");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
}
