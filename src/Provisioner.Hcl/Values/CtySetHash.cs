using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// cty's set hash bytes (<c>makeSetHashBytes</c>). cty orders set elements of non-primitive types by comparing
/// these bytes, so reproducing them gives Terraform's iteration order for sets of objects, lists, maps, etc.
/// </summary>
internal static class CtySetHash
{
    /// <summary>The hash text; compare with <see cref="HclKeyComparer"/> (UTF-8 byte order).</summary>
    public static string HashText(HclValue v)
    {
        var sb = new StringBuilder();
        Append(v, sb);
        return sb.ToString();
    }

    internal static void Append(HclValue v, StringBuilder b)
    {
        v = v.Unmark().Value;
        if (!v.IsKnown)
        {
            b.Append('?');
            return;
        }

        if (v.IsNull)
        {
            b.Append('~');
            return;
        }

        switch (v.Type.Kind)
        {
            case HclTypeKind.Number:
                b.Append(FormatG10(v.AsNumber()));
                return;
            case HclTypeKind.Bool:
                b.Append(v.AsBool() ? 'T' : 'F');
                return;
            case HclTypeKind.String:
                GoQuote(b, v.AsString());
                return;
            case HclTypeKind.Map:
                b.Append('{');
                foreach (var (k, e) in v.Attributes)
                {
                    GoQuote(b, k);
                    b.Append(':');
                    Append(e, b);
                    b.Append(';');
                }

                b.Append('}');
                return;
            case HclTypeKind.List:
            case HclTypeKind.Set:
                b.Append('[');
                foreach (var e in v.Elements)
                {
                    Append(e, b);
                    b.Append(';');
                }

                b.Append(']');
                return;
            case HclTypeKind.Object:
                b.Append('<');
                foreach (var e in v.Attributes.Values)
                {
                    Append(e, b);
                    b.Append(';');
                }

                b.Append('>');
                return;
            case HclTypeKind.Tuple:
                b.Append('<');
                foreach (var e in v.Elements)
                {
                    Append(e, b);
                    b.Append(';');
                }

                b.Append('>');
                return;
            default:
                b.Append('?');
                return;
        }
    }

    /// <summary>Go's <c>big.Float.String()</c>, i.e. <c>Text('g', 10)</c>.</summary>
    internal static string FormatG10(HclNumber n)
    {
        if (n.IsInfinity)
        {
            return n.IsPositiveInfinity ? "+Inf" : "-Inf";
        }

        if (n.IsZero)
        {
            return "0";
        }

        const int Prec = 10;
        var (digits, point) = n.RoundedDigits(Prec);
        var sb = new StringBuilder();
        if (n.Sign < 0)
        {
            sb.Append('-');
        }

        int eprec = Prec;
        if (eprec > digits.Length && digits.Length >= point)
        {
            eprec = digits.Length;
        }

        long exp = point - 1;
        if (exp < -4 || exp >= eprec)
        {
            int p = Math.Min(Prec, digits.Length) - 1;
            sb.Append(digits[0]);
            if (p > 0)
            {
                sb.Append('.');
                for (int i = 1; i <= p; i++)
                {
                    sb.Append(i < digits.Length ? digits[i] : '0');
                }
            }

            sb.Append('e').Append(exp < 0 ? '-' : '+');
            var es = Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
            if (es.Length < 2)
            {
                sb.Append('0');
            }

            sb.Append(es);
            return sb.ToString();
        }

        int prec = Prec > point ? digits.Length : Prec;
        long frac = Math.Max(prec - point, 0);
        if (point > 0)
        {
            for (long i = 0; i < point; i++)
            {
                sb.Append(i < digits.Length ? digits[(int)i] : '0');
            }
        }
        else
        {
            sb.Append('0');
        }

        if (frac > 0)
        {
            sb.Append('.');
            for (long i = 0; i < frac; i++)
            {
                long idx = point + i;
                sb.Append(idx >= 0 && idx < digits.Length ? digits[(int)idx] : '0');
            }
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>%q</c> (<c>strconv.Quote</c>) for a string.</summary>
    internal static void GoQuote(StringBuilder b, string s)
    {
        b.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                cp = s[i];
            }

            switch (cp)
            {
                case '"': b.Append("\\\""); continue;
                case '\\': b.Append("\\\\"); continue;
                case '\a': b.Append("\\a"); continue;
                case '\b': b.Append("\\b"); continue;
                case '\f': b.Append("\\f"); continue;
                case '\n': b.Append("\\n"); continue;
                case '\r': b.Append("\\r"); continue;
                case '\t': b.Append("\\t"); continue;
                case '\v': b.Append("\\v"); continue;
            }

            if (IsGoPrint(cp))
            {
                b.Append(char.ConvertFromUtf32(cp));
            }
            else if (cp < 0x20 || cp == 0x7f)
            {
                b.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (cp is >= 0xD800 and <= 0xDFFF)
            {
                b.Append("\\ufffd"); // a lone surrogate is invalid UTF-8 in Go terms
            }
            else if (cp < 0x10000)
            {
                b.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        b.Append('"');
    }

    private static bool IsGoPrint(int cp)
    {
        if (cp == ' ')
        {
            return true;
        }

        if (cp < 0x20 || cp is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
