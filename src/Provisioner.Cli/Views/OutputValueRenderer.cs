using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Views;

/// <summary>
/// Output values as <c>apply</c> and <c>output</c> print them (Terraform's format): HCL with type conversion calls for
/// collections (<c>tolist([...])</c>, <c>toset([...])</c>, <c>tomap({...})</c>), one element per line indented by two
/// spaces, quoted object keys, heredocs for multi-line strings, <c>(known after apply)</c> and
/// <c>(sensitive value)</c> for unknown and sensitive parts.
/// </summary>
internal static class OutputValueRenderer
{
    public static string Render(HclValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HclValue v, int indent)
    {
        if (v.IsSensitive)
        {
            sb.Append("(sensitive value)");
            return;
        }
        if (!v.IsKnown)
        {
            sb.Append("(known after apply)");
            return;
        }
        if (v.IsNull)
        {
            sb.Append("null");
            return;
        }
        var pad = new string(' ', 2 * indent);
        switch (v.Type.Kind)
        {
            case HclTypeKind.String:
                var s = v.AsString();
                if (s.Contains('\n', StringComparison.Ordinal))
                    WriteHeredoc(sb, s, 2 * indent);
                else
                    sb.Append(v.ToString());
                return;
            case HclTypeKind.Number:
            case HclTypeKind.Bool:
                sb.Append(v.ToString());
                return;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
            {
                var prefix = v.Type.IsList ? "tolist(" : v.Type.IsSet ? "toset(" : "";
                sb.Append(prefix).Append('[');
                if (v.Elements.Count > 0)
                {
                    sb.Append('\n');
                    foreach (var e in v.Elements)
                    {
                        sb.Append(pad).Append("  ");
                        Write(sb, e, indent + 1);
                        sb.Append(",\n");
                    }
                    sb.Append(pad);
                }
                sb.Append(']').Append(prefix.Length > 0 ? ")" : "");
                return;
            }
            default:
            {
                var prefix = v.Type.IsMap ? "tomap(" : "";
                sb.Append(prefix).Append('{');
                if (v.Attributes.Count > 0)
                {
                    sb.Append('\n');
                    foreach (var (k, e) in v.Attributes)
                    {
                        sb.Append(pad).Append("  ").Append(HclValue.String(k).ToString()).Append(" = ");
                        Write(sb, e, indent + 1);
                        sb.Append('\n');
                    }
                    sb.Append(pad);
                }
                sb.Append('}').Append(prefix.Length > 0 ? ")" : "");
                return;
            }
        }
    }

    /// <summary>A multi-line string as a heredoc (<c>&lt;&lt;-EOT</c> when indented), with a delimiter no line uses.</summary>
    private static void WriteHeredoc(StringBuilder sb, string s, int indent)
    {
        // A heredoc's text ends with a newline, so a final newline needs no empty line of its own.
        var lines = (s.EndsWith('\n') ? s[..^1] : s).Split('\n');
        var delimiter = "EOT";
        while (lines.Any(l => l.Trim() == delimiter))
            delimiter += "_";
        var pad = new string(' ', indent);
        sb.Append(indent > 0 ? "<<-" : "<<").Append(delimiter);
        foreach (var line in lines)
            sb.Append('\n').Append(pad).Append(line);
        sb.Append('\n').Append(pad).Append(delimiter);
    }
}
