using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// An instant with the UTC offset it was written with and nanosecond precision, parsed from RFC 3339 like Go's
/// <c>time.Parse(time.RFC3339, ...)</c> with cty's error wording, and formatted like <c>Format(time.RFC3339)</c>.
/// </summary>
internal readonly record struct DateTimeStamp(long UnixSeconds, int Nanos, int OffsetSeconds)
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static DateTimeStamp FromDateTimeOffset(DateTimeOffset t)
    {
        long ticks = t.UtcTicks - DateTime.UnixEpoch.Ticks;
        long secs = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rem);
        if (rem < 0)
        {
            secs--;
            rem += TimeSpan.TicksPerSecond;
        }

        return new DateTimeStamp(secs, (int)(rem * 100), (int)t.Offset.TotalSeconds);
    }

    /// <summary>The instant in nanoseconds since the Unix epoch (for comparison and arithmetic).</summary>
    public Int128 UnixNanos => ((Int128)UnixSeconds * 1_000_000_000) + Nanos;

    public DateTimeStamp AddNanos(long nanos)
    {
        var total = UnixNanos + nanos;
        var secs = Int128.DivRem(total, 1_000_000_000);
        long s = (long)secs.Quotient;
        int n = (int)secs.Remainder;
        if (n < 0)
        {
            s--;
            n += 1_000_000_000;
        }

        return this with { UnixSeconds = s, Nanos = n };
    }

    /// <summary>Calendar fields of the local time (instant plus offset).</summary>
    public (long Year, int Month, int Day, int Hour, int Minute, int Second, int Weekday) Fields
    {
        get
        {
            long local = UnixSeconds + OffsetSeconds;
            long days = Math.DivRem(local, 86400, out long secOfDay);
            if (secOfDay < 0)
            {
                secOfDay += 86400;
                days--;
            }

            var (y, m, d) = CivilFromDays(days);
            int weekday = (int)(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday (4)
            return (y, m, d, (int)(secOfDay / 3600), (int)(secOfDay / 60 % 60), (int)(secOfDay % 60), weekday);
        }
    }

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string DayName(int weekday) => DayNames[weekday];

    /// <summary>Go's <c>Format(time.RFC3339)</c>: seconds precision, <c>Z</c> for a zero offset.</summary>
    public string ToRfc3339()
    {
        var (y, mo, d, h, mi, s, _) = Fields;
        var sb = new StringBuilder(25);
        sb.Append(y.ToString("0000", CultureInfo.InvariantCulture)).Append('-')
            .Append(mo.ToString("00", CultureInfo.InvariantCulture)).Append('-')
            .Append(d.ToString("00", CultureInfo.InvariantCulture)).Append('T')
            .Append(h.ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(mi.ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(s.ToString("00", CultureInfo.InvariantCulture));
        sb.Append(ZoneText(colon: true, zForUtc: true));
        return sb.ToString();
    }

    /// <summary>The offset as <c>Z</c>/<c>+hh:mm</c> (<paramref name="zForUtc"/>) or <c>+hhmm</c>/<c>+hh:mm</c>.</summary>
    public string ZoneText(bool colon, bool zForUtc)
    {
        if (OffsetSeconds == 0 && zForUtc)
        {
            return "Z";
        }

        int off = OffsetSeconds;
        char sign = off < 0 ? '-' : '+';
        off = Math.Abs(off);
        var hh = (off / 3600).ToString("00", CultureInfo.InvariantCulture);
        var mm = (off / 60 % 60).ToString("00", CultureInfo.InvariantCulture);
        return colon ? $"{sign}{hh}:{mm}" : $"{sign}{hh}{mm}";
    }

    // Howard Hinnant's civil calendar algorithms (proleptic Gregorian).
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - (era * 400);
        long doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - (era * 146097);
        long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        long y = yoe + (era * 400);
        long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        long mp = ((5 * doy) + 2) / 153;
        int d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (y + (m <= 2 ? 1 : 0), m, d);
    }

    private static int DaysIn(int month, long year) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Parses an RFC 3339 timestamp; on failure <paramref name="error"/> is cty's message.</summary>
    public static bool TryParse(string value, out DateTimeStamp result, out string? error)
    {
        result = default;
        var p = new Cursor(value);
        error = p.Run(out result);
        return error is null;
    }

    private sealed class Cursor(string value)
    {
        private string _rest = value;

        private static string Q(string s) => EncodingText.GoQuote(s);

        private static string CannotUse(string rest, string what) =>
            rest.Length == 0 ? $"not a valid RFC3339 timestamp: end of string before {what}" : $"not a valid RFC3339 timestamp: cannot use {Q(rest)} as {what}";

        private string? Literal(char c)
        {
            if (_rest.Length == 0 || _rest[0] != c)
            {
                if (c == 'T')
                {
                    return "not a valid RFC3339 timestamp: missing required time introducer 'T'";
                }

                return _rest.Length == 0
                    ? $"not a valid RFC3339 timestamp: end of string where {Q(c.ToString())} is expected"
                    : $"not a valid RFC3339 timestamp: found {Q(_rest)} where {Q(c.ToString())} is expected";
            }

            _rest = _rest[1..];
            return null;
        }

        /// <summary>Go's <c>getnum</c>: one or two digits (exactly two when <paramref name="fixedWidth"/>).</summary>
        private bool Num(bool fixedWidth, out int n)
        {
            n = 0;
            if (_rest.Length == 0 || !char.IsAsciiDigit(_rest[0]))
            {
                return false;
            }

            if (_rest.Length < 2 || !char.IsAsciiDigit(_rest[1]))
            {
                if (fixedWidth)
                {
                    return false;
                }

                n = _rest[0] - '0';
                _rest = _rest[1..];
                return true;
            }

            n = ((_rest[0] - '0') * 10) + (_rest[1] - '0');
            _rest = _rest[2..];
            return true;
        }

        private string? Field(bool fixedWidth, int max, string what, out int n)
        {
            var hold = _rest;
            if (!Num(fixedWidth, out n))
            {
                return CannotUse(hold, what);
            }

            if (n > max || (what is "month" && n < 1))
            {
                return CannotUse(_rest, what);
            }

            return null;
        }

        public string? Run(out DateTimeStamp result)
        {
            result = default;

            // Year: four characters starting with a digit are taken, then must all be digits (Go reports
            // what follows them when they are not).
            if (_rest.Length < 4 || !char.IsAsciiDigit(_rest[0]))
            {
                return CannotUse(_rest, "year");
            }

            if (!_rest[..4].All(char.IsAsciiDigit))
            {
                return CannotUse(_rest[4..], "year");
            }

            int year = int.Parse(_rest[..4], NumberStyles.None, CultureInfo.InvariantCulture);
            _rest = _rest[4..];
            int month = 0, day = 0, hour = 0, minute = 0, second = 0, nanos = 0;
            string? err = Literal('-') ?? Field(true, 12, "month", out month) ?? Literal('-') ?? Field(true, 99, "day of month", out day)
                ?? Literal('T') ?? Field(false, 23, "hour", out hour) ?? Literal(':') ?? Field(true, 59, "minute", out minute)
                ?? Literal(':') ?? Field(true, 59, "second", out second);
            if (err is not null)
            {
                return err;
            }

            // Fractional seconds (not in the layout, but Go accepts them after the seconds).
            if (_rest.Length >= 2 && _rest[0] is '.' or ',' && char.IsAsciiDigit(_rest[1]))
            {
                int end = 1;
                while (end < _rest.Length && char.IsAsciiDigit(_rest[end]))
                {
                    end++;
                }

                var digits = _rest[1..Math.Min(end, 10)];
                nanos = int.Parse(digits.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
                _rest = _rest[end..];
            }

            // Zone: Z or ±hh:mm.
            int offset;
            if (_rest.Length >= 1 && _rest[0] == 'Z')
            {
                offset = 0;
                _rest = _rest[1..];
            }
            else
            {
                var hold = _rest;
                if (_rest.Length < 6 || _rest[3] != ':' || _rest[0] is not ('+' or '-')
                    || !char.IsAsciiDigit(_rest[1]) || !char.IsAsciiDigit(_rest[2]) || !char.IsAsciiDigit(_rest[4]) || !char.IsAsciiDigit(_rest[5]))
                {
                    return CannotUse(hold, "UTC offset");
                }

                int zh = int.Parse(_rest[1..3], NumberStyles.None, CultureInfo.InvariantCulture);
                int zm = int.Parse(_rest[4..6], NumberStyles.None, CultureInfo.InvariantCulture);
                bool neg = _rest[0] == '-';
                _rest = _rest[6..];
                if (zh > 24 || zm > 60)
                {
                    return CannotUse(_rest, "UTC offset");
                }

                offset = ((zh * 60) + zm) * 60 * (neg ? -1 : 1);
            }

            if (_rest.Length > 0)
            {
                return CannotUse(_rest, "timestamp segment");
            }

            if (day < 1 || day > DaysIn(month, year))
            {
                return "not a valid RFC3339 timestamp: day out of range";
            }

            long local = (DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (minute * 60) + second;
            result = new DateTimeStamp(local - offset, nanos, offset);
            return null;
        }
    }
}
