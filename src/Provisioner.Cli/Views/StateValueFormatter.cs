using System.Text;
using System.Text.Json;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Views;

/// <summary>
/// Renders JSON values from the state as HCL-like text, the way Terraform's <c>state show</c> (4-space indent,
/// attribute names padded so <c>=</c> lines up, nulls omitted at the top level) and <c>output</c> (2-space indent,
/// <c>tolist(...)</c>/<c>toset(...)</c>/<c>tomap(...)</c> from the recorded type) print them.
/// </summary>
/// <remarks>Sensitive values are replaced by <c>(sensitive value)</c>; the secret itself is never written.</remarks>
internal sealed class StateValueFormatter(string indent, bool typeConversions)
{
    public const string SensitiveValue = "(sensitive value)";

    /// <summary>The formatter for <c>state show</c>.</summary>
    public static StateValueFormatter ForStateShow { get; } = new("    ", typeConversions: false);

    /// <summary>The formatter for <c>output</c>.</summary>
    public static StateValueFormatter ForOutput { get; } = new("  ", typeConversions: true);

    /// <summary>
    /// The lines of a resource body: one <c>name = value</c> per non-null attribute of <paramref name="attributes"/>
    /// (an object), sorted by name, at depth 1.
    /// </summary>
    public void WriteAttributes(StringBuilder sb, JsonElement attributes, StateSensitivePaths sensitive)
    {
        var props = attributes.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var names = props.Select(p => AttributeName(p.Name)).ToList();
        var width = names.Count == 0 ? 0 : names.Max(n => n.Length);
        var path = new List<object>();
        for (var i = 0; i < props.Count; i++)
        {
            sb.Append(indent).Append(names[i].PadRight(width)).Append(" = ");
            path.Add(props[i].Name);
            WriteValue(sb, props[i].Value, null, 1, path, sensitive);
            path.RemoveAt(path.Count - 1);
            sb.Append('\n');
        }
    }

    /// <summary>One value at the top level, typed by <paramref name="type"/> (cty's JSON type form) when known.</summary>
    public string Format(JsonElement value, JsonElement? type)
    {
        var sb = new StringBuilder();
        WriteValue(sb, value, type, 0, [], null);
        return sb.ToString();
    }

    private void WriteValue(StringBuilder sb, JsonElement v, JsonElement? type, int depth, List<object> path, StateSensitivePaths? sensitive)
    {
        if (sensitive is not null && sensitive.IsSensitive(path))
        {
            sb.Append(SensitiveValue);
            return;
        }
        var (kind, elem) = TypeKind(type);
        switch (v.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var conversion = typeConversions && kind == "map";
                    if (conversion)
                        sb.Append("tomap(");
                    var props = v.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                    if (props.Count == 0)
                    {
                        sb.Append("{}");
                    }
                    else
                    {
                        var keys = props.Select(p => Quote(p.Name)).ToList();
                        var width = keys.Max(k => k.Length);
                        sb.Append("{\n");
                        for (var i = 0; i < props.Count; i++)
                        {
                            Indent(sb, depth + 1);
                            sb.Append(keys[i].PadRight(width)).Append(" = ");
                            path.Add(props[i].Name);
                            WriteValue(sb, props[i].Value, AttributeType(kind, elem, props[i].Name), depth + 1, path, sensitive);
                            path.RemoveAt(path.Count - 1);
                            sb.Append('\n');
                        }
                        Indent(sb, depth);
                        sb.Append('}');
                    }
                    if (conversion)
                        sb.Append(')');
                    break;
                }
            case JsonValueKind.Array:
                {
                    var conversion = typeConversions && kind is "list" or "set";
                    if (conversion)
                        sb.Append(kind == "list" ? "tolist(" : "toset(");
                    var n = v.GetArrayLength();
                    if (n == 0)
                    {
                        sb.Append("[]");
                    }
                    else
                    {
                        sb.Append("[\n");
                        var index = 0L;
                        foreach (var item in v.EnumerateArray())
                        {
                            Indent(sb, depth + 1);
                            path.Add(index);
                            WriteValue(sb, item, ElementType(kind, elem, index), depth + 1, path, sensitive);
                            path.RemoveAt(path.Count - 1);
                            sb.Append(",\n");
                            index++;
                        }
                        Indent(sb, depth);
                        sb.Append(']');
                    }
                    if (conversion)
                        sb.Append(')');
                    break;
                }
            case JsonValueKind.String:
                sb.Append(Quote(v.GetString()!));
                break;
            case JsonValueKind.Number:
                sb.Append(v.GetRawText());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private void Indent(StringBuilder sb, int depth)
    {
        for (var i = 0; i < depth; i++)
            sb.Append(indent);
    }

    /// <summary>HCL string literal syntax.</summary>
    public static string Quote(string s) => HclValue.String(s).ToString();

    private static string AttributeName(string name) => IsIdentifier(name) ? name : Quote(name);

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || !(char.IsLetter(s[0]) || s[0] == '_'))
            return false;
        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-'))
                return false;
        }
        return true;
    }

    /// <summary>The kind of a cty JSON type (<c>"string"</c>, <c>["list", T]</c>...) and its second element.</summary>
    private static (string? Kind, JsonElement? Elem) TypeKind(JsonElement? type)
    {
        if (type is not { } t)
            return (null, null);
        if (t.ValueKind == JsonValueKind.String)
            return (t.GetString(), null);
        if (t.ValueKind == JsonValueKind.Array && t.GetArrayLength() == 2 && t[0].ValueKind == JsonValueKind.String)
            return (t[0].GetString(), t[1]);
        return (null, null);
    }

    private static JsonElement? AttributeType(string? kind, JsonElement? elem, string name) => kind switch
    {
        "map" => elem,
        "object" when elem is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var t) => t,
        _ => null,
    };

    private static JsonElement? ElementType(string? kind, JsonElement? elem, long index) => kind switch
    {
        "list" or "set" => elem,
        "tuple" when elem is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() => a[(int)index],
        _ => null,
    };
}
