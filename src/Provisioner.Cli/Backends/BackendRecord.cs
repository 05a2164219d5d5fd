using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioner.State;
using Provisioner.State.Backends;

namespace Provisioner.Cli.Backends;

/// <summary>
/// The backend a working directory was initialised with (<c>.provisioner/backend.json</c>, written by <c>init</c>):
/// its type and its non-sensitive arguments. Commands compare it with the configuration, so a changed backend block
/// is noticed ("run init -migrate-state") instead of silently starting from an empty state; <c>init -migrate-state</c>
/// reads the old backend from it. Sensitive arguments (such as <c>conn_str</c>) are never written here: they come
/// from the environment when the old backend is opened again.
/// </summary>
internal sealed record BackendRecord(string Type, IReadOnlyDictionary<string, object> Settings)
{
    /// <summary>The default backend: local files, no arguments (what a directory without a record uses).</summary>
    public static BackendRecord DefaultLocal { get; } = new("local", new Dictionary<string, object>());

    public static string PathFor(string workingDirectory) => Path.Combine(workingDirectory, WorkspaceSelection.DataDirectory, "backend.json");

    /// <summary>The record of decoded settings (sensitive arguments left out).</summary>
    public static BackendRecord Of(IStateBackendFactory factory, BackendSettings settings)
    {
        var kept = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in settings.Values)
        {
            if (factory.Arguments.FirstOrDefault(a => a.Name == name) is { Sensitive: false })
                kept[name] = value;
        }
        return new BackendRecord(factory.Type, kept);
    }

    /// <summary>Whether two records name the same backend (type and non-sensitive arguments).</summary>
    public bool SameAs(BackendRecord other) => Type == other.Type && Canonical() == other.Canonical();

    /// <summary>A one-line description for messages.</summary>
    public override string ToString() => Settings.Count == 0 ? $"\"{Type}\"" : $"\"{Type}\" ({string.Join(", ", Settings.Select(kv => kv.Key + " = " + Show(kv.Value)))})";

    private static string Show(object v) => v switch
    {
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IReadOnlyList<string> l => "[" + string.Join(", ", l.Select(x => "\"" + x + "\"")) + "]",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private string Canonical() => ToJson().ToJsonString();

    private JsonObject ToJson()
    {
        var settings = new JsonObject();
        foreach (var (k, v) in Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            settings[k] = v switch
            {
                string s => JsonValue.Create(s),
                long n => JsonValue.Create(n),
                bool b => JsonValue.Create(b),
                IReadOnlyList<string> l => new JsonArray(l.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
                _ => null,
            };
        }
        return new JsonObject { ["type"] = Type, ["settings"] = settings };
    }

    public static BackendRecord? Read(string workingDirectory)
    {
        var path = PathFor(workingDirectory);
        try
        {
            if (!File.Exists(path))
                return null;
            var node = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
            var settings = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (k, v) in node["settings"]!.AsObject())
            {
                settings[k] = v switch
                {
                    JsonArray a => a.Select(x => x!.GetValue<string>()).ToList(),
                    JsonValue j when j.TryGetValue<bool>(out var b) => b,
                    JsonValue j when j.TryGetValue<long>(out var n) => n,
                    JsonValue j => j.GetValue<string>(),
                    _ => throw new JsonException("bad setting"),
                };
            }
            return new BackendRecord(node["type"]!.GetValue<string>(), settings);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }

    public Task WriteAsync(string workingDirectory, CancellationToken ct)
    {
        var path = PathFor(workingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return AtomicFile.WriteAllBytesAsync(path, bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite, null, ct);
    }

    /// <summary>A short fingerprint of the record (shown by init).</summary>
    public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())))[..12];
}
