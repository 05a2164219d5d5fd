using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>Go's <c>time.ParseDuration</c>: <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> with units ns, us/µs/μs, ms, s, m, h.</summary>
internal static class DateTimeDuration
{
    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00b5s"] = 1_000,
        ["\u03bcs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60UL * 1_000_000_000,
        ["h"] = 3600UL * 1_000_000_000,
    };

    private const ulong Limit = 1UL << 63;

    /// <summary>Parses a duration in nanoseconds; on failure <paramref name="error"/> is Go's message.</summary>
    public static bool TryParse(string orig, out long nanos, out string? error)
    {
        nanos = 0;
        error = null;
        var s = orig;
        bool neg = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        string Invalid() => "time: invalid duration " + Quote(orig);
        if (s.Length == 0)
        {
            error = Invalid();
            return false;
        }

        ulong d = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                error = Invalid();
                return false;
            }

            // Leading integer.
            int i = 0;
            ulong v = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (v > (Limit - 1) / 10)
                {
                    error = Invalid();
                    return false;
                }

                v = (v * 10) + (ulong)(s[i] - '0');
                if (v > Limit)
                {
                    error = Invalid();
                    return false;
                }

                i++;
            }

            bool pre = i > 0;
            s = s[i..];

            // Fraction.
            bool post = false;
            ulong f = 0;
            double scale = 1;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                int j = 0;
                bool overflow = false;
                while (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    if (!overflow)
                    {
                        if (f > (Limit - 1) / 10)
                        {
                            overflow = true;
                        }
                        else
                        {
                            ulong y = (f * 10) + (ulong)(s[j] - '0');
                            if (y > Limit)
                            {
                                overflow = true;
                            }
                            else
                            {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }

                    j++;
                }

                post = j > 0;
                s = s[j..];
            }

            if (!pre && !post)
            {
                error = Invalid();
                return false;
            }

            // Unit.
            int u = 0;
            while (u < s.Length && !(s[u] == '.' || char.IsAsciiDigit(s[u])))
            {
                u++;
            }

            if (u == 0)
            {
                error = "time: missing unit in duration " + Quote(orig);
                return false;
            }

            var unitText = s[..u];
            s = s[u..];
            if (!Units.TryGetValue(unitText, out var unit))
            {
                error = "time: unknown unit " + Quote(unitText) + " in duration " + Quote(orig);
                return false;
            }

            if (v > Limit / unit)
            {
                error = Invalid();
                return false;
            }

            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Limit)
                {
                    error = Invalid();
                    return false;
                }
            }

            d += v;
            if (d > Limit)
            {
                error = Invalid();
                return false;
            }
        }

        if (neg)
        {
            nanos = d == Limit ? long.MinValue : -(long)d;
            return true;
        }

        if (d > Limit - 1)
        {
            error = Invalid();
            return false;
        }

        nanos = (long)d;
        return true;
    }

    /// <summary>The <c>time</c> package's own quoting: non-ASCII and control bytes as <c>\xNN</c>.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b >= 0x80 || b < ' ')
            {
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    sb.Append('\\');
                }

                sb.Append((char)b);
            }
        }

        sb.Append('"');
        return sb.ToString();
    }
}
