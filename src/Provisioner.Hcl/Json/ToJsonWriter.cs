using System.Text;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Writes a <see cref="ToJsonObject"/> tree as the oracle prints it: indented with two spaces, keys sorted
/// bytewise (Go's <c>encoding/json</c>), numbers verbatim, strings escaped as <c>JSON.stringify</c> does (only
/// <c>"</c>, <c>\</c>, control characters and lone surrogates). Hand-written rather than <c>Utf8JsonWriter</c>
/// because the latter re-indents nothing written raw (arbitrary-length numbers) and, without unsafe code for a
/// custom encoder, escapes every non-BMP character.
/// </summary>
internal static class ToJsonWriter
{
    public static string Write(ToJsonObject root)
    {
        var sb = new StringBuilder(4096);
        WriteValue(sb, root, 0);
        return sb.ToString();
    }

    private static void WriteValue(StringBuilder sb, object value, int depth)
    {
        switch (value)
        {
            case string s:
                WriteString(sb, s);
                break;
            case ToJsonRaw raw:
                sb.Append(raw.Text);
                break;
            case List<object> list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    NewLine(sb, depth + 1);
                    WriteValue(sb, list[i], depth + 1);
                }
                NewLine(sb, depth);
                sb.Append(']');
                break;
            case ToJsonObject obj:
                if (obj.Members.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                var keys = obj.Members.Keys.ToArray();
                Array.Sort(keys, CompareUtf8);
                sb.Append('{');
                for (int i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    NewLine(sb, depth + 1);
                    WriteString(sb, keys[i]);
                    sb.Append(": ");
                    WriteValue(sb, obj.Members[keys[i]], depth + 1);
                }
                NewLine(sb, depth);
                sb.Append('}');
                break;
            default:
                throw new InvalidOperationException("unexpected JSON node " + value.GetType().Name);
        }
    }

    private static void NewLine(StringBuilder sb, int depth) => sb.Append('\n').Append(' ', depth * 2);

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        int from = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }
            sb.Append(s, from, i - from);
            from = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        sb.Append(s, from, s.Length - from).Append('"');
    }

    // Go sorts map keys by their UTF-8 bytes (UTF-16 ordinal order differs only around surrogates); the oracle
    // then round-trips through a JavaScript object, which moves array-index keys ("0", "17") first, numerically.
    private static int CompareUtf8(string a, string b)
    {
        bool ai = IsArrayIndex(a, out var av), bi = IsArrayIndex(b, out var bv);
        if (ai || bi)
            return ai && bi ? av.CompareTo(bv) : ai ? -1 : 1;
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y)
                continue;
            if (char.IsSurrogate(x) != char.IsSurrogate(y) && (x >= 0xE000 || y >= 0xE000))
                return char.IsSurrogate(x) ? 1 : -1;
            return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }

    private static bool IsArrayIndex(string s, out uint value)
    {
        value = 0;
        if (s.Length is 0 or > 10 || (s.Length > 1 && s[0] == '0'))
            return false;
        ulong v = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            v = v * 10 + (ulong)(c - '0');
        }
        if (v >= uint.MaxValue)
            return false;
        value = (uint)v;
        return true;
    }
}
