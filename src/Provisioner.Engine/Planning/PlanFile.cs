using System.Security.Cryptography;
using System.Text.Json;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The saved plan of <c>plan -out FILE</c>, read back by <c>apply FILE</c>: one deterministic JSON document that holds
/// everything the executor needs (see docs/plan-json.md). It contains sensitive values in clear text, as Terraform's
/// plan files do, so it is written readable by its owner only (0600).
/// </summary>
public static class PlanFile
{
    /// <summary>The format this version writes; files with a higher number are refused.</summary>
    public const int FormatVersion = 1;

    /// <summary>The value of the <c>format</c> field that tells a plan file from other JSON.</summary>
    public const string FormatName = "provisioner-plan";

    /// <summary>Lower-case hex SHA-256 of a configuration file's bytes (the digests the file records).</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Whether a saved plan can still be applied: the state must be the one it was made against (same lineage and
    /// serial; no state at all only for a plan made without one) and every configuration file must have the digest
    /// recorded, with none added or removed. Returns the errors (empty when the plan is current).
    /// </summary>
    /// <param name="currentLineage">The current state's lineage, or null when there is no state.</param>
    /// <param name="currentSerial">The current state's serial (ignored without a state).</param>
    /// <param name="currentDigests">Relative path → <see cref="Sha256Hex"/> of the configuration files now.</param>
    public static DiagnosticList CheckCurrent(PlanFileContents contents, string? currentLineage, long currentSerial, IReadOnlyDictionary<string, string> currentDigests)
    {
        var diags = new DiagnosticList();
        var plan = contents.Plan;
        var stateMoved = currentLineage is null
            ? plan.PriorSerial != 0
            : currentLineage != plan.PriorLineage || currentSerial != plan.PriorSerial;
        if (stateMoved)
        {
            diags.Error(
                "Saved plan is stale",
                $"The given plan file can no longer be applied because the state was changed by another operation after the plan was created (plan: lineage {plan.PriorLineage}, serial {plan.PriorSerial}; state now: lineage {currentLineage ?? "(none)"}, serial {currentSerial}). Create a new plan.");
        }
        var changed = new List<string>();
        foreach (var (path, digest) in contents.ConfigurationDigests)
        {
            if (!currentDigests.TryGetValue(path, out var now))
                changed.Add(path + " (removed)");
            else if (!string.Equals(now, digest, StringComparison.OrdinalIgnoreCase))
                changed.Add(path + " (changed)");
        }
        foreach (var path in currentDigests.Keys)
        {
            if (!contents.ConfigurationDigests.ContainsKey(path))
                changed.Add(path + " (added)");
        }
        if (changed.Count > 0)
        {
            changed.Sort(StringComparer.Ordinal);
            diags.Error(
                "Saved plan does not match the configuration",
                $"The configuration changed since the plan was created ({string.Join(", ", changed.Select(c => c[..c.LastIndexOf(" (", StringComparison.Ordinal)]))}): {string.Join(", ", changed)}. Create a new plan.");
        }
        return diags;
    }

    /// <summary>The file's bytes (UTF-8 JSON, keys in a fixed order, maps sorted ordinally, trailing newline).</summary>
    public static byte[] Serialize(PlanFileContents contents)
    {
        var plan = contents.Plan;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, MaxDepth = 4096 }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("format_version", FormatVersion);
            w.WriteString("provisioner_version", contents.ProvisionerVersion);
            w.WriteString("mode", plan.Mode.ToString());
            w.WriteStartObject("options");
            w.WriteString("mode", plan.Options.Mode.ToString());
            w.WriteBoolean("refresh", plan.Options.Refresh);
            w.WriteStartArray("targets");
            foreach (var t in plan.Options.TargetList)
                w.WriteStringValue(t.ToString());
            w.WriteEndArray();
            w.WriteStartArray("replace");
            foreach (var r in plan.Options.ReplaceList)
                w.WriteStringValue(r.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("prior_state");
            w.WriteString("lineage", plan.PriorLineage);
            w.WriteNumber("serial", plan.PriorSerial);
            w.WriteEndObject();
            if (contents.PriorState is { } priorState)
            {
                w.WritePropertyName("prior_state_snapshot");
                w.WriteRawValue(priorState, skipInputValidation: false);
            }
            w.WriteStartObject("configuration_digests");
            foreach (var (path, digest) in contents.ConfigurationDigests.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                w.WriteString(path, digest);
            w.WriteEndObject();
            w.WriteStartObject("variables");
            foreach (var (name, value) in plan.Variables.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(name);
                PlanValueCodec.Write(w, value);
            }
            w.WriteEndObject();
            WriteChanges(w, "changes", plan.Changes);
            WriteChanges(w, "drift", plan.Drift);
            w.WriteStartArray("output_changes");
            foreach (var o in plan.OutputChanges)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteString("action", o.Action.ToString());
                w.WriteBoolean("sensitive", o.Sensitive);
                w.WritePropertyName("before");
                PlanValueCodec.Write(w, o.Before);
                w.WritePropertyName("after");
                PlanValueCodec.Write(w, o.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var d in plan.Diagnostics.Where(d => !d.IsError))
            {
                w.WriteStartObject();
                w.WriteString("summary", d.Summary);
                w.WriteString("detail", d.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the plan file atomically (a temporary sibling, flushed, then renamed), readable and writable by its
    /// owner only, because it holds sensitive values.
    /// </summary>
    public static async Task WriteAsync(string path, PlanFileContents contents, CancellationToken cancellationToken)
    {
        var bytes = Serialize(contents);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var fs = new FileStream(tmp, options))
            {
                await fs.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                fs.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    /// <summary>Reads a plan file; a missing, corrupt, foreign or newer file gives an error diagnostic, never an exception.</summary>
    public static async Task<(PlanFileContents? Contents, DiagnosticList Diagnostics)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var diags = new DiagnosticList();
            diags.Error("Failed to read plan file", $"Could not read {path}: {e.Message}");
            return (null, diags);
        }
        return Deserialize(bytes, path);
    }

    /// <summary>Decodes the bytes of a plan file; <paramref name="displayName"/> names it in diagnostics.</summary>
    public static (PlanFileContents? Contents, DiagnosticList Diagnostics) Deserialize(ReadOnlySpan<byte> bytes, string displayName)
    {
        var diags = new DiagnosticList();
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4096 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            diags.Error("Invalid plan file", $"{displayName} is not a plan file: it is not valid JSON ({e.Message}).");
            return (null, diags);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                diags.Error("Invalid plan file", $"{displayName} is not a plan file written by \"plan -out\".");
                return (null, diags);
            }
            if (!root.TryGetProperty("format_version", out var fv) || !fv.TryGetInt32(out var version) || version < 1)
            {
                diags.Error("Invalid plan file", $"{displayName} has no valid \"format_version\"; the file is corrupt.");
                return (null, diags);
            }
            if (version > FormatVersion)
            {
                var writer = root.TryGetProperty("provisioner_version", out var pv) && pv.ValueKind == JsonValueKind.String ? pv.GetString() : "a newer version";
                diags.Error(
                    "Plan file from a newer version",
                    $"{displayName} uses plan file format {version}, written by Provisioner {writer}; this version reads format {FormatVersion}. Create the plan again with this version, or apply it with the version that made it.");
                return (null, diags);
            }
            try
            {
                var contents = ReadContents(root);
                return (contents, diags);
            }
            catch (PlanFileCorruptException e)
            {
                diags.Error("Invalid plan file", $"{displayName} is corrupt: {e.Message}.");
                return (null, diags);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
            {
                diags.Error("Invalid plan file", $"{displayName} is corrupt: {e.Message}");
                return (null, diags);
            }
        }
    }

    private static PlanFileContents ReadContents(JsonElement root)
    {
        var mode = ParseEnum<PlanMode>(Get(root, "mode").GetString(), "mode");
        var opts = Get(root, "options");
        var targets = new List<ParsedAddress>();
        foreach (var t in Get(opts, "targets").EnumerateArray())
        {
            var (addr, d) = AddressParser.Parse(t.GetString() ?? "");
            targets.Add(addr is not null && !d.HasErrors ? addr : throw new PlanFileCorruptException($"invalid target address \"{t.GetString()}\""));
        }
        var replace = new List<ResourceInstanceAddress>();
        foreach (var r in Get(opts, "replace").EnumerateArray())
            replace.Add(ParseInstance(r.GetString()));
        var options = new PlanOptions(
            ParseEnum<PlanMode>(Get(opts, "mode").GetString(), "options.mode"),
            Get(opts, "refresh").GetBoolean(),
            targets,
            replace);
        var prior = Get(root, "prior_state");
        var lineage = Get(prior, "lineage").GetString() ?? "";
        var serial = Get(prior, "serial").GetInt64();
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Get(root, "configuration_digests").EnumerateObject())
            digests[p.Name] = p.Value.GetString() ?? throw new PlanFileCorruptException("a configuration digest is not a string");
        var variables = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var p in Get(root, "variables").EnumerateObject())
            variables[p.Name] = ReadValue(p.Value, "variable " + p.Name);
        var changes = ReadChanges(Get(root, "changes"));
        var drift = ReadChanges(Get(root, "drift"));
        var outputs = new List<OutputChange>();
        foreach (var o in Get(root, "output_changes").EnumerateArray())
        {
            var name = Get(o, "name").GetString() ?? "";
            outputs.Add(new OutputChange(
                name,
                ParseEnum<ChangeAction>(Get(o, "action").GetString(), "output action"),
                ReadValue(Get(o, "before"), "output " + name),
                ReadValue(Get(o, "after"), "output " + name),
                Get(o, "sensitive").GetBoolean()));
        }
        var warnings = new DiagnosticList();
        if (root.TryGetProperty("warnings", out var ws))
        {
            foreach (var wj in ws.EnumerateArray())
                warnings.Warning(Get(wj, "summary").GetString() ?? "", Get(wj, "detail").GetString() ?? "");
        }
        var plan = new Plan(mode, lineage, serial, changes, drift, outputs, variables, options, warnings);
        var version = root.TryGetProperty("provisioner_version", out var pv) ? pv.GetString() ?? "" : "";
        byte[]? priorState = root.TryGetProperty("prior_state_snapshot", out var ps) ? System.Text.Encoding.UTF8.GetBytes(ps.GetRawText()) : null;
        return new PlanFileContents(plan, digests, version) { PriorState = priorState };
    }

    private static void WriteChanges(Utf8JsonWriter w, string name, IReadOnlyList<ResourceInstanceChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("address", c.Address.ToString());
            if (c.Deposed is not null)
                w.WriteString("deposed", c.Deposed);
            if (c.ImportId is not null)
                w.WriteString("import_id", c.ImportId);
            w.WriteString("provider", c.Provider);
            w.WriteString("action", c.Action.ToString());
            w.WriteString("reason", c.Reason.ToString());
            w.WritePropertyName("before");
            PlanValueCodec.Write(w, c.Before);
            w.WritePropertyName("after");
            PlanValueCodec.Write(w, c.After);
            w.WriteStartArray("replace_paths");
            foreach (var p in c.ReplacePaths)
                WriteAttributePath(w, p);
            w.WriteEndArray();
            w.WriteStartArray("dependencies");
            foreach (var d in c.Dependencies)
                w.WriteStringValue(d.ToString());
            w.WriteEndArray();
            if (c.PlannedPrivate is not null)
                w.WriteBase64String("planned_private", c.PlannedPrivate);
            if (c.ReasonText is not null)
                w.WriteString("reason_text", c.ReasonText);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static List<ResourceInstanceChange> ReadChanges(JsonElement array)
    {
        var list = new List<ResourceInstanceChange>();
        foreach (var c in array.EnumerateArray())
        {
            var address = ParseInstance(Get(c, "address").GetString());
            var where = address.ToString();
            var replacePaths = Get(c, "replace_paths").EnumerateArray().Select(ReadAttributePath).ToList();
            var dependencies = new List<ResourceAddress>();
            foreach (var d in Get(c, "dependencies").EnumerateArray())
            {
                var (parsed, diags) = AddressParser.Parse(d.GetString() ?? "");
                dependencies.Add(parsed?.Resource is { } r && !parsed.HasKey && !diags.HasErrors
                    ? r
                    : throw new PlanFileCorruptException($"invalid dependency \"{d.GetString()}\" of {where}"));
            }
            list.Add(new ResourceInstanceChange(
                address,
                Get(c, "provider").GetString() ?? "",
                ParseEnum<ChangeAction>(Get(c, "action").GetString(), "action of " + where),
                ReadValue(Get(c, "before"), where),
                ReadValue(Get(c, "after"), where),
                replacePaths,
                ParseEnum<ActionReason>(Get(c, "reason").GetString(), "reason of " + where),
                dependencies)
            {
                Deposed = c.TryGetProperty("deposed", out var dep) ? dep.GetString() : null,
                ImportId = c.TryGetProperty("import_id", out var imp) ? imp.GetString() : null,
                PlannedPrivate = c.TryGetProperty("planned_private", out var pp) ? pp.GetBytesFromBase64() : null,
                ReasonText = c.TryGetProperty("reason_text", out var rt) ? rt.GetString() : null,
            });
        }
        return list;
    }

    private static void WriteAttributePath(Utf8JsonWriter w, AttributePath path)
    {
        w.WriteStartArray();
        foreach (var s in path.Steps)
        {
            w.WriteStartObject();
            switch (s.Kind)
            {
                case PathStepKind.Attribute:
                    w.WriteString("attr", s.Name);
                    break;
                case PathStepKind.Key:
                    w.WriteString("key", s.Name);
                    break;
                default:
                    w.WriteNumber("index", s.Position);
                    break;
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static AttributePath ReadAttributePath(JsonElement e)
    {
        var steps = new List<PathStep>();
        foreach (var s in e.EnumerateArray())
        {
            if (s.TryGetProperty("attr", out var a))
                steps.Add(PathStep.Attr(a.GetString() ?? ""));
            else if (s.TryGetProperty("key", out var k))
                steps.Add(PathStep.Key(k.GetString() ?? ""));
            else if (s.TryGetProperty("index", out var i))
                steps.Add(PathStep.At(i.GetInt64()));
            else
                throw new PlanFileCorruptException("invalid replace path step");
        }
        return new AttributePath(steps);
    }

    private static HclValue ReadValue(JsonElement e, string where) =>
        PlanValueCodec.Read(e, out var error) ?? throw new PlanFileCorruptException($"invalid value for {where}: {error}");

    private static ResourceInstanceAddress ParseInstance(string? text)
    {
        var (addr, diags) = AddressParser.ParseInstance(text ?? "");
        return addr is not null && !diags.HasErrors ? addr : throw new PlanFileCorruptException($"invalid resource instance address \"{text}\"");
    }

    private static T ParseEnum<T>(string? text, string what)
        where T : struct, Enum =>
        text is not null && Enum.TryParse<T>(text, ignoreCase: false, out var v) && Enum.IsDefined(v) && !text.Any(char.IsDigit)
            ? v
            : throw new PlanFileCorruptException($"invalid {what} \"{text}\"");

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v
            : throw new PlanFileCorruptException($"missing \"{name}\"");
}
