using System.Globalization;
using System.Text.Json;

namespace Provisioner.Bench.Hcl;

/// <summary>
/// Compares our <c>hcl to-json</c> text with the oracle's for the same file: same structure, object keys in any
/// order, strings equal after unescaping, numbers equal as decimals.
/// </summary>
internal static class JsonComparison
{
    /// <summary>Null when equal; otherwise the JSON path of the first difference and both values.</summary>
    public static string? FirstDifference(string ours, string oracle)
    {
        using var a = JsonDocument.Parse(ours, new JsonDocumentOptions { MaxDepth = 256 });
        using var b = JsonDocument.Parse(oracle, new JsonDocumentOptions { MaxDepth = 256 });
        return Diff(a.RootElement, b.RootElement, "$");
    }

    private static string? Diff(JsonElement ours, JsonElement oracle, string path)
    {
        if (ours.ValueKind != oracle.ValueKind)
            return $"{path}: ours {Show(ours)}, hcl2json {Show(oracle)}";
        switch (ours.ValueKind)
        {
            case JsonValueKind.Object:
                var theirs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in oracle.EnumerateObject())
                    theirs[p.Name] = p.Value;
                var seen = 0;
                foreach (var p in ours.EnumerateObject())
                {
                    if (!theirs.TryGetValue(p.Name, out var other))
                        return $"{path}: key \"{p.Name}\" only in ours";
                    seen++;
                    if (Diff(p.Value, other, path + "." + p.Name) is { } d)
                        return d;
                }
                if (seen != theirs.Count)
                {
                    var missing = theirs.Keys.First(k => !ours.TryGetProperty(k, out _));
                    return $"{path}: key \"{missing}\" only in hcl2json";
                }
                return null;
            case JsonValueKind.Array:
                int n = ours.GetArrayLength(), m = oracle.GetArrayLength();
                if (n != m)
                    return $"{path}: {n} elements in ours, {m} in hcl2json";
                for (int i = 0; i < n; i++)
                {
                    if (Diff(ours[i], oracle[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]") is { } d)
                        return d;
                }
                return null;
            case JsonValueKind.String:
                return ours.GetString() == oracle.GetString() ? null : $"{path}: ours {Show(ours)}, hcl2json {Show(oracle)}";
            case JsonValueKind.Number:
                return SameNumber(ours.GetRawText(), oracle.GetRawText()) ? null : $"{path}: ours {ours.GetRawText()}, hcl2json {oracle.GetRawText()}";
            default:
                return null; // true, false, null: the kinds already matched
        }
    }

    private static bool SameNumber(string a, string b) =>
        a == b || (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                   && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y);

    private static string Show(JsonElement e)
    {
        var raw = e.GetRawText();
        return raw.Length > 120 ? raw[..120] + "…" : raw;
    }
}
