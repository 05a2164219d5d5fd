using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// cty's JSON encoding of a wholly known value (as <c>format</c>'s <c>%#v</c> and <c>%q</c> use it): Go's
/// <c>encoding/json</c> string escaping (including <c>&lt; &gt; &amp;</c>, U+2028 and U+2029), numbers in
/// shortest decimal form, object and map keys in order, sets and tuples as arrays.
/// </summary>
internal static class StringJson
{
    public static string Encode(HclValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, HclValue v)
    {
        if (v.IsNull)
        {
            sb.Append("null");
            return;
        }

        var t = v.Type;
        if (t.IsString)
        {
            WriteString(sb, v.AsString());
        }
        else if (t.IsNumber)
        {
            sb.Append(v.AsNumber().ToString());
        }
        else if (t.IsBool)
        {
            sb.Append(v.AsBool() ? "true" : "false");
        }
        else if (t.IsList || t.IsSet || t.IsTuple)
        {
            sb.Append('[');
            var first = true;
            foreach (var e in v.Elements)
            {
                if (!first)
                {
                    sb.Append(',');
                }

                first = false;
                Write(sb, e);
            }

            sb.Append(']');
        }
        else if (t.IsMap || t.IsObject)
        {
            sb.Append('{');
            var first = true;
            foreach (var (k, e) in v.Attributes)
            {
                if (!first)
                {
                    sb.Append(',');
                }

                first = false;
                WriteString(sb, k);
                sb.Append(':');
                Write(sb, e);
            }

            sb.Append('}');
        }
        else
        {
            sb.Append("null");
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<':
                case '>':
                case '&':
                case '\u2028':
                case '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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
