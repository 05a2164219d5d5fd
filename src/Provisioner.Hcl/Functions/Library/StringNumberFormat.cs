using System.Globalization;
using System.Numerics;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// Go's <c>big.Float.Text</c>/<c>Format</c> and <c>big.Int.Format</c> for the verbs <c>format</c> passes through
/// (<c>%e %E %f %g %G</c> and <c>%b %d %o %x %X</c>), including flags, width and precision.
/// </summary>
internal static class StringNumberFormat
{
    /// <summary>A decimal: value = 0.Digits × 10^Exp (Digits without leading or trailing zeros; empty for zero).</summary>
    private struct Dec
    {
        public string Digits;
        public int Exp;

        public readonly char At(int i) => i >= 0 && i < Digits.Length ? Digits[i] : '0';
    }

    /// <summary>Go's <c>big.Float.Text(fmt, prec)</c> (prec −1 = shortest) for a number.</summary>
    public static string Text(HclNumber x, char fmt, int prec)
    {
        var sb = new StringBuilder();
        if (x.Sign < 0)
        {
            sb.Append('-');
        }

        if (x.IsInfinity)
        {
            if (x.Sign > 0)
            {
                sb.Append('+');
            }

            return sb.Append("Inf").ToString();
        }

        bool shortest = prec < 0;
        var d = shortest ? ShortestDecimal(x) : ExactDecimal(x);
        if (shortest)
        {
            prec = fmt switch
            {
                'e' or 'E' => d.Digits.Length - 1,
                'f' => Math.Max(d.Digits.Length - d.Exp, 0),
                _ => d.Digits.Length,
            };
        }
        else
        {
            switch (fmt)
            {
                case 'e':
                case 'E':
                    Round(ref d, 1 + prec);
                    break;
                case 'f':
                    Round(ref d, d.Exp + prec);
                    break;
                default:
                    if (prec == 0)
                    {
                        prec = 1;
                    }

                    Round(ref d, prec);
                    break;
            }
        }

        switch (fmt)
        {
            case 'e':
            case 'E':
                FmtE(sb, fmt, prec, d);
                break;
            case 'f':
                FmtF(sb, prec, d);
                break;
            default:
                {
                    int eprec = prec;
                    if (eprec > d.Digits.Length && d.Digits.Length >= d.Exp)
                    {
                        eprec = d.Digits.Length;
                    }

                    if (shortest)
                    {
                        eprec = 6;
                    }

                    int exp = d.Exp - 1;
                    if (exp < -4 || exp >= eprec)
                    {
                        if (prec > d.Digits.Length)
                        {
                            prec = d.Digits.Length;
                        }

                        FmtE(sb, fmt == 'g' ? 'e' : 'E', prec - 1, d);
                        break;
                    }

                    if (prec > d.Exp)
                    {
                        prec = d.Digits.Length;
                    }

                    FmtF(sb, Math.Max(prec - d.Exp, 0), d);
                    break;
                }
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>fmt.Sprintf</c> of a <c>*big.Float</c> with the given verb and flags.</summary>
    public static string FormatFloat(HclNumber x, char verb, bool plus, bool space, bool minus, bool zero, int width, int precision)
    {
        int prec = precision >= 0 ? precision : 6;
        if ((verb == 'g' || verb == 'G') && precision < 0)
        {
            prec = -1;
        }

        var buf = Text(x, verb, prec);
        string sign = "";
        if (buf[0] == '-')
        {
            sign = "-";
            buf = buf[1..];
        }
        else if (buf[0] == '+')
        {
            sign = space ? " " : "+";
            buf = buf[1..];
        }
        else if (plus)
        {
            sign = "+";
        }
        else if (space)
        {
            sign = " ";
        }

        int padding = width > sign.Length + buf.Length ? width - sign.Length - buf.Length : 0;
        if (zero && !minus && !x.IsInfinity)
        {
            return sign + new string('0', padding) + buf;
        }

        if (minus)
        {
            return sign + buf + new string(' ', padding);
        }

        return new string(' ', padding) + sign + buf;
    }

    /// <summary>Go's <c>fmt.Sprintf</c> of a <c>*big.Int</c> with <c>%b %d %o %x %X</c>.</summary>
    public static string FormatInteger(BigInteger x, char verb, bool plus, bool space, bool minus, bool zero, bool sharp, int width, int precision)
    {
        int numberBase = verb switch { 'b' => 2, 'o' => 8, 'x' or 'X' => 16, _ => 10 };
        string sign = x.Sign < 0 ? "-" : plus ? "+" : space ? " " : "";
        string prefix = "";
        if (sharp)
        {
            prefix = verb switch { 'b' => "0b", 'o' => "0", 'x' => "0x", 'X' => "0X", _ => "" };
        }

        string digits = ToBase(BigInteger.Abs(x), numberBase);
        if (verb == 'X')
        {
            digits = digits.ToUpperInvariant();
        }

        int zeros = 0;
        if (precision >= 0)
        {
            if (digits.Length < precision)
            {
                zeros = precision - digits.Length;
            }
            else if (digits == "0" && precision == 0)
            {
                return "";
            }
        }

        int length = sign.Length + prefix.Length + zeros + digits.Length;
        int left = 0;
        int right = 0;
        if (width > length)
        {
            int d = width - length;
            if (minus)
            {
                right = d;
            }
            else if (zero && precision < 0)
            {
                zeros = d;
            }
            else
            {
                left = d;
            }
        }

        return new string(' ', left) + sign + prefix + new string('0', zeros) + digits + new string(' ', right);
    }

    private static string ToBase(BigInteger v, int numberBase)
    {
        if (numberBase == 10)
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        if (v.IsZero)
        {
            return "0";
        }

        const string chars = "0123456789abcdef";
        var sb = new StringBuilder();
        while (!v.IsZero)
        {
            sb.Insert(0, chars[(int)(v % numberBase)]);
            v /= numberBase;
        }

        return sb.ToString();
    }

    private static void FmtE(StringBuilder sb, char fmt, int prec, Dec d)
    {
        sb.Append(d.Digits.Length > 0 ? d.Digits[0] : '0');
        if (prec > 0)
        {
            sb.Append('.');
            int i = 1;
            int m = Math.Min(d.Digits.Length, prec + 1);
            if (i < m)
            {
                sb.Append(d.Digits, i, m - i);
                i = m;
            }

            for (; i <= prec; i++)
            {
                sb.Append('0');
            }
        }

        sb.Append(fmt);
        long exp = d.Digits.Length > 0 ? d.Exp - 1L : 0;
        char ch = '+';
        if (exp < 0)
        {
            ch = '-';
            exp = -exp;
        }

        sb.Append(ch);
        if (exp < 10)
        {
            sb.Append('0');
        }

        sb.Append(exp.ToString(CultureInfo.InvariantCulture));
    }

    private static void FmtF(StringBuilder sb, int prec, Dec d)
    {
        if (d.Exp > 0)
        {
            int m = Math.Min(d.Digits.Length, d.Exp);
            sb.Append(d.Digits, 0, m);
            for (; m < d.Exp; m++)
            {
                sb.Append('0');
            }
        }
        else
        {
            sb.Append('0');
        }

        if (prec > 0)
        {
            sb.Append('.');
            for (int i = 0; i < prec; i++)
            {
                sb.Append(d.At(d.Exp + i));
            }
        }
    }

    private static void Round(ref Dec d, int n)
    {
        if (n < 0 || n >= d.Digits.Length)
        {
            return;
        }

        bool up;
        if (d.Digits[n] == '5' && n + 1 == d.Digits.Length)
        {
            up = n > 0 && ((d.Digits[n - 1] - '0') & 1) != 0;
        }
        else
        {
            up = d.Digits[n] >= '5';
        }

        if (up)
        {
            int i = n - 1;
            while (i >= 0 && d.Digits[i] == '9')
            {
                i--;
            }

            if (i < 0)
            {
                d.Digits = "1";
                d.Exp++;
                return;
            }

            d.Digits = d.Digits[..i] + (char)(d.Digits[i] + 1);
        }
        else
        {
            d.Digits = d.Digits[..n].TrimEnd('0');
            if (d.Digits.Length == 0)
            {
                d.Exp = 0;
            }
        }
    }

    private static Dec ExactDecimal(HclNumber x)
    {
        if (!x.TryGetBinary(out var mant, out var exp) || mant.IsZero)
        {
            return new Dec { Digits = "", Exp = 0 };
        }

        mant = BigInteger.Abs(mant);
        BigInteger n;
        int scale;
        if (exp >= 0)
        {
            n = mant << exp;
            scale = 0;
        }
        else
        {
            n = mant * BigInteger.Pow(5, -exp);
            scale = exp;
        }

        var s = n.ToString(CultureInfo.InvariantCulture);
        var digits = s.TrimEnd('0');
        return new Dec { Digits = digits, Exp = s.Length + scale };
    }

    private static Dec ShortestDecimal(HclNumber x)
    {
        // HclNumber.ToString is Go's Text('f', -1): the shortest digits that read back exactly.
        var s = x.Abs().ToString();
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot < 0 ? s : s[..dot];
        string frac = dot < 0 ? "" : s[(dot + 1)..];
        string all = intPart + frac;
        int point = intPart.Length;
        int lead = 0;
        while (lead < all.Length && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..].TrimEnd('0');
        point -= lead;
        return all.Length == 0 ? new Dec { Digits = "", Exp = 0 } : new Dec { Digits = all, Exp = point };
    }
}
