using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The date and time functions of the standard library. The clock is <see cref="StandardLibraryOptions.Time"/>.</summary>
internal static class DateTimeFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        yield return Now(options, "timestamp", "Returns a string representation of the current date and time.");
        yield return Now(options, "plantimestamp", "Returns a string representation of the date and time during the plan.");
        yield return FormatDate();
        yield return TimeAdd();
        yield return TimeCmp();
    }

    private static HclFunction Now(StandardLibraryOptions options, string name, string description) => new(
        name,
        [],
        null,
        HclFunction.Returns(HclType.String),
        (_, rt) => options.PureOnly
            ? HclValue.UnknownOf(rt)
            : HclValue.String(DateTimeStamp.FromDateTimeOffset(options.Time.GetUtcNow().ToUniversalTime()).ToRfc3339()),
        description);

    private static HclFunction TimeAdd() => new(
        "timeadd",
        [new FunctionParameter("timestamp", HclType.String), new FunctionParameter("duration", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            // As in Terraform, these errors blame no particular argument.
            if (!DateTimeStamp.TryParse(args[0].AsString(), out var ts, out var error))
            {
                return FunctionResult.Fail(error!);
            }

            if (!DateTimeDuration.TryParse(args[1].AsString(), out var nanos, out error))
            {
                return FunctionResult.Fail(error!);
            }

            return HclValue.String(ts.AddNanos(nanos).ToRfc3339());
        },
        "Adds the duration represented by the given duration string to the given RFC 3339 timestamp string, returning another RFC 3339 timestamp.");

    private static HclFunction TimeCmp() => new(
        "timecmp",
        [new FunctionParameter("timestamp_a", HclType.String), new FunctionParameter("timestamp_b", HclType.String)],
        null,
        HclFunction.Returns(HclType.Number),
        (args, _) =>
        {
            if (!DateTimeStamp.TryParse(args[0].AsString(), out var a, out var error))
            {
                return FunctionResult.Fail(error!, 0);
            }

            if (!DateTimeStamp.TryParse(args[1].AsString(), out var b, out error))
            {
                return FunctionResult.Fail(error!, 1);
            }

            return HclValue.Number(a.UnixNanos.CompareTo(b.UnixNanos) switch { < 0 => -1, 0 => 0, _ => 1 });
        },
        "Compares two timestamps and returns a number that represents the ordering of the instants those timestamps represent.");

    private static HclFunction FormatDate() => new(
        "formatdate",
        [new FunctionParameter("format", HclType.String), new FunctionParameter("time", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            if (!DateTimeStamp.TryParse(args[1].AsString(), out var ts, out var error))
            {
                return FunctionResult.Fail(error!, 1);
            }

            return Format(args[0].AsString(), ts, out var text, out error)
                ? HclValue.String(text)
                : FunctionResult.Fail(error!, 0);
        },
        "Formats a timestamp given in RFC 3339 syntax into another timestamp in some other machine-oriented time syntax, as described in the format string.");

    private static bool IsVerb(char c) => char.IsAsciiLetter(c);

    /// <summary>Splits the format like cty's <c>splitDateFormat</c>: quoted literals, runs of one letter, other text.</summary>
    private static IEnumerable<string> Tokens(string format)
    {
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            int start = i;
            if (c == '\'')
            {
                if (i + 1 < format.Length && format[i + 1] == '\'')
                {
                    i += 2;
                }
                else
                {
                    i++;
                    while (i < format.Length)
                    {
                        if (format[i] == '\'')
                        {
                            if (i + 1 < format.Length && format[i + 1] == '\'')
                            {
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        i++;
                    }
                }
            }
            else if (IsVerb(c))
            {
                while (i < format.Length && format[i] == c)
                {
                    i++;
                }
            }
            else
            {
                i++;
                while (i < format.Length && format[i] != '\'' && !IsVerb(format[i]))
                {
                    i++;
                }
            }

            yield return format[start..i];
        }
    }

    private static bool Format(string format, DateTimeStamp ts, out string text, out string? error)
    {
        var (year, month, day, hour, minute, second, weekday) = ts.Fields;
        var sb = new StringBuilder();
        text = "";
        error = null;
        foreach (var tok in Tokens(format))
        {
            string Bad(string detail) => $"invalid date format verb {EncodingText.GoQuote(tok)}: {detail}";
            string Num(int n, bool pad) => n.ToString(pad ? "00" : "0", CultureInfo.InvariantCulture);
            char c = tok[0];
            if (c == '\'')
            {
                if (tok.Length == 1 || tok[^1] != '\'')
                {
                    error = "unterminated literal '";
                    return false;
                }

                if (tok.Length == 2)
                {
                    sb.Append('\'');
                }
                else
                {
                    var raw = tok[1..^1];
                    for (int i = 0; i < raw.Length; i++)
                    {
                        sb.Append(raw[i]);
                        if (raw[i] == '\'')
                        {
                            i++;
                        }
                    }
                }

                continue;
            }

            if (!IsVerb(c))
            {
                sb.Append(tok);
                continue;
            }

            switch (c)
            {
                case 'Y':
                    if (tok.Length == 2)
                    {
                        sb.Append((year % 100).ToString("00", CultureInfo.InvariantCulture));
                    }
                    else if (tok.Length == 4)
                    {
                        sb.Append(year.ToString("0000", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        error = Bad("year must either be \"YY\" or \"YYYY\"");
                        return false;
                    }

                    break;
                case 'M':
                    switch (tok.Length)
                    {
                        case 1: sb.Append(Num(month, false)); break;
                        case 2: sb.Append(Num(month, true)); break;
                        case 3: sb.Append(DateTimeStamp.MonthName(month)[..3]); break;
                        case 4: sb.Append(DateTimeStamp.MonthName(month)); break;
                        default:
                            error = Bad("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
                            return false;
                    }

                    break;
                case 'D':
                    if (tok.Length > 2)
                    {
                        error = Bad("day of month must either be \"D\" or \"DD\"");
                        return false;
                    }

                    sb.Append(Num(day, tok.Length == 2));
                    break;
                case 'E':
                    if (tok.Length == 3)
                    {
                        sb.Append(DateTimeStamp.DayName(weekday)[..3]);
                    }
                    else if (tok.Length == 4)
                    {
                        sb.Append(DateTimeStamp.DayName(weekday));
                    }
                    else
                    {
                        error = Bad("day of week must either be \"EEE\" or \"EEEE\"");
                        return false;
                    }

                    break;
                case 'h':
                    if (tok.Length > 2)
                    {
                        error = Bad("24-hour must either be \"h\" or \"hh\"");
                        return false;
                    }

                    sb.Append(Num(hour, tok.Length == 2));
                    break;
                case 'H':
                    if (tok.Length > 2)
                    {
                        error = Bad("12-hour must either be \"H\" or \"HH\"");
                        return false;
                    }

                    sb.Append(Num(hour % 12 == 0 ? 12 : hour % 12, tok.Length == 2));
                    break;
                case 'A':
                case 'a':
                    if (tok.Length != 2)
                    {
                        error = Bad($"must be \"{c}{c}\"");
                        return false;
                    }

                    var ampm = hour < 12 ? "AM" : "PM";
                    sb.Append(c == 'A' ? ampm : ampm.ToLowerInvariant());
                    break;
                case 'm':
                    if (tok.Length > 2)
                    {
                        error = Bad("minute must either be \"m\" or \"mm\"");
                        return false;
                    }

                    sb.Append(Num(minute, tok.Length == 2));
                    break;
                case 's':
                    if (tok.Length > 2)
                    {
                        error = Bad("second must either be \"s\" or \"ss\"");
                        return false;
                    }

                    sb.Append(Num(second, tok.Length == 2));
                    break;
                case 'Z':
                    switch (tok.Length)
                    {
                        case 1: sb.Append(ts.ZoneText(colon: true, zForUtc: true)); break;
                        case 3:
                            var z = ts.ZoneText(colon: false, zForUtc: false);
                            sb.Append(z == "+0000" ? "UTC" : z);
                            break;
                        case 4: sb.Append(ts.ZoneText(colon: false, zForUtc: false)); break;
                        case 5: sb.Append(ts.ZoneText(colon: true, zForUtc: false)); break;
                        default:
                            error = Bad("timezone must be Z, ZZZZ, or ZZZZZ");
                            return false;
                    }

                    break;
                default:
                    error = $"invalid date format verb {EncodingText.GoQuote(tok)}";
                    return false;
            }
        }

        text = sb.ToString();
        return true;
    }
}
