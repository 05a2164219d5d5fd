using System.Text.Json;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>
/// Structural JSON equality for the differential tests: object key order is ignored (duplicate keys are not
/// expected), arrays are ordered, numbers are compared by their exact source text.
/// </summary>
internal static class JsonEquality
{
    /// <summary>Returns null when equal, otherwise a path and description of the first difference.</summary>
    public static string? Diff(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
            return $"{path}: expected {expected.ValueKind} {Short(expected)}, got {actual.ValueKind} {Short(actual)}";
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var exp = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var act = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var (k, v) in exp)
                {
                    if (!act.TryGetValue(k, out var av))
                        return $"{path}: missing key \"{k}\"";
                    var d = Diff(v, av, path + "." + k);
                    if (d != null)
                        return d;
                }
                foreach (var k in act.Keys)
                {
                    if (!exp.ContainsKey(k))
                        return $"{path}: unexpected key \"{k}\"";
                }
                return null;
            }
            case JsonValueKind.Array:
            {
                var exp = expected.EnumerateArray().ToArray();
                var act = actual.EnumerateArray().ToArray();
                if (exp.Length != act.Length)
                    return $"{path}: expected {exp.Length} items, got {act.Length}";
                for (int i = 0; i < exp.Length; i++)
                {
                    var d = Diff(exp[i], act[i], $"{path}[{i}]");
                    if (d != null)
                        return d;
                }
                return null;
            }
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected {Short(expected)}, got {Short(actual)}";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {Short(expected)}, got {Short(actual)}";
        }
    }

    private static string Short(JsonElement e)
    {
        var t = e.GetRawText();
        return t.Length > 200 ? t[..200] + "…" : t;
    }
}
