using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Values;

public sealed partial class HclValue
{
    /// <summary>
    /// Debug text in HCL literal form: <c>"a"</c>, <c>1.5</c>, <c>[1, 2]</c>, <c>{ a = 1 }</c>,
    /// <c>toset(["a"])</c>, <c>null</c>, <c>(known after apply)</c>, <c>(sensitive value)</c>.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb);
        return sb.ToString();
    }

    private void Write(StringBuilder sb)
    {
        if (Marks.Contains(HclMarks.Sensitive))
        {
            sb.Append("(sensitive value)");
            return;
        }

        if (_state == State.Unknown)
        {
            sb.Append("(known after apply)");
            return;
        }

        if (_state == State.Null)
        {
            sb.Append("null");
            return;
        }

        switch (Type.Kind)
        {
            case HclTypeKind.String:
                WriteQuoted(sb, _string!);
                break;
            case HclTypeKind.Number:
                sb.Append(_number.ToString());
                break;
            case HclTypeKind.Bool:
                sb.Append(_bool ? "true" : "false");
                break;
            case HclTypeKind.List:
            case HclTypeKind.Tuple:
            case HclTypeKind.Set:
                if (Type.IsSet)
                {
                    sb.Append("toset(");
                }

                sb.Append('[');
                for (int i = 0; i < _elements!.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    _elements[i].Write(sb);
                }

                sb.Append(']');
                if (Type.IsSet)
                {
                    sb.Append(')');
                }

                break;
            default:
                if (_attributes!.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{ ");
                bool first = true;
                foreach (var (k, v) in _attributes)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    if (IsIdentifier(k))
                    {
                        sb.Append(k);
                    }
                    else
                    {
                        WriteQuoted(sb, k);
                    }

                    sb.Append(" = ");
                    v.Write(sb);
                }

                sb.Append(" }");
                break;
        }
    }

    internal static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || !(char.IsLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes an HCL quoted string literal with escapes (also escaping template introducers).</summary>
    internal static void WriteQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '$' or '%' when i + 1 < s.Length && s[i + 1] == '{':
                    sb.Append(c).Append(c);
                    break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
