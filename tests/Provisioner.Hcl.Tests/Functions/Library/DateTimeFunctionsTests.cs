using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class DateTimeFunctionsTests
{
    /// <summary>A stand-in clock that always reads the same instant.</summary>
    private sealed class StandInTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 27, 11, 500, TimeSpan.Zero);

    private static readonly FunctionTable Lib = new(DateTimeFunctions.Create(new StandardLibraryOptions("/", new StandInTimeProvider(Now))));

    private static readonly FunctionTable PureLib = new(DateTimeFunctions.Create(new StandardLibraryOptions("/", new StandInTimeProvider(Now)) { PureOnly = true }));

    private static FunctionResult Call(string name, params HclValue[] args) => CallIn(Lib, name, args);

    private static FunctionResult CallIn(FunctionTable lib, string name, params HclValue[] args)
    {
        Assert.True(lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static void Fails(string message, int? arg, string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.False(r.IsSuccess, r.ToString());
        Assert.Equal(message, r.Error.Message);
        Assert.Equal(arg, r.Error.ArgumentIndex);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("plantimestamp")]
    public void Now_UsesInjectedClock(string fn) => Assert.Equal(S("2026-11-22T02:27:11Z"), Call(fn).Value);

    [Fact]
    public void Timestamp_NonUtcClockIsReportedInUtc()
    {
        var lib = new FunctionTable(DateTimeFunctions.Create(new StandardLibraryOptions("/", new StandInTimeProvider(new DateTimeOffset(2020, 1, 1, 1, 0, 0, TimeSpan.FromHours(3))))));
        Assert.True(lib.TryGet("timestamp", out var f));
        Assert.Equal(S("2019-12-31T22:00:00Z"), f.Call([]).Value);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("plantimestamp")]
    public void Now_PureOnly_IsUnknown(string fn)
    {
        var r = CallIn(PureLib, fn).Value!;
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.String, r.Type);
    }

    [Theory]
    // go-cty's own vectors at 2006-01-02T15:04:05Z:
    [InlineData("EEE, MMM D ''YY", "2006-01-02T15:04:05Z", "Mon, Jan 2 '06")]
    [InlineData("H 'o''clock' AA", "2006-01-02T15:04:05Z", "3 o'clock PM")]
    [InlineData("hh:mm:ssZZZZ", "2006-01-02T15:04:05Z", "15:04:05+0000")]
    [InlineData("hh:mm:ssZZZZZ", "2006-01-02T15:04:05Z", "15:04:05+00:00")]
    [InlineData("aa", "2006-01-02T15:04:05Z", "pm")]
    [InlineData("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2006-01-02T15:04:05Z", "Mon, 02 Jan 2006 15:04:05 UTC")]
    [InlineData("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z", "02 Jan 2018 23:12 UTC")]
    [InlineData("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z", "Tuesday, 02-Jan-18 23:12:01 UTC")]
    [InlineData("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00", "Tue, 02 Jan 2018 23:12:01 -0800")]
    [InlineData("MMM DD, YYYY", "2018-01-02T23:12:01Z", "Jan 02, 2018")]
    [InlineData("HH:mmaa", "2018-01-02T23:12:01Z", "11:12pm")]
    [InlineData("H:mAA", "2018-01-02T00:05:01Z", "12:5AM")]
    [InlineData("h 'o''clock'", "2018-01-02T23:12:01Z", "23 o'clock")]
    [InlineData("''", "2018-01-02T23:12:01Z", "'")]
    [InlineData("'YYYY' YYYY", "2018-01-02T23:12:01Z", "YYYY 2018")]
    [InlineData("M/D/YY", "2018-01-02T03:04:05Z", "1/2/18")]
    [InlineData("MMMM D", "2018-09-30T03:04:05Z", "September 30")]
    [InlineData("h:m:s", "2018-01-02T03:04:05Z", "3:4:5")]
    [InlineData("YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T03:04:05Z", "2018-01-02T03:04:05Z")]
    [InlineData("Z ZZZZ ZZZZZ", "2018-01-02T03:04:05+05:30", "+05:30 +0530 +05:30")]
    [InlineData("Z ZZZZ ZZZZZ ZZZ", "2018-01-02T03:04:05Z", "Z +0000 +00:00 UTC")]
    [InlineData("YYYY", "0001-01-01T00:00:00Z", "0001")]
    [InlineData("EEEE", "2000-02-29T12:00:00Z", "Tuesday")]
    [InlineData("hh:mm:ss", "2018-01-02T03:04:05.999999999Z", "03:04:05")]
    [InlineData("", "2018-01-02T03:04:05Z", "")]
    [InlineData("-- / ,", "2018-01-02T03:04:05Z", "-- / ,")]
    public void FormatDate(string format, string time, string expected) => Assert.Equal(S(expected), Call("formatdate", S(format), S(time)).Value);

    [Theory]
    [InlineData("YYY", "invalid date format verb \"YYY\": year must either be \"YY\" or \"YYYY\"")]
    [InlineData("Y", "invalid date format verb \"Y\": year must either be \"YY\" or \"YYYY\"")]
    [InlineData("YYYYY", "invalid date format verb \"YYYYY\": year must either be \"YY\" or \"YYYY\"")]
    [InlineData("a", "invalid date format verb \"a\": must be \"aa\"")]
    [InlineData("'blah blah", "unterminated literal '")]
    [InlineData("MMMMM", "invalid date format verb \"MMMMM\": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"")]
    [InlineData("DDD", "invalid date format verb \"DDD\": day of month must either be \"D\" or \"DD\"")]
    [InlineData("EE", "invalid date format verb \"EE\": day of week must either be \"EEE\" or \"EEEE\"")]
    [InlineData("hhh", "invalid date format verb \"hhh\": 24-hour must either be \"h\" or \"hh\"")]
    [InlineData("HHH", "invalid date format verb \"HHH\": 12-hour must either be \"H\" or \"HH\"")]
    [InlineData("A", "invalid date format verb \"A\": must be \"AA\"")]
    [InlineData("aaa", "invalid date format verb \"aaa\": must be \"aa\"")]
    [InlineData("mmm", "invalid date format verb \"mmm\": minute must either be \"m\" or \"mm\"")]
    [InlineData("sss", "invalid date format verb \"sss\": second must either be \"s\" or \"ss\"")]
    [InlineData("ZZ", "invalid date format verb \"ZZ\": timezone must be Z, ZZZZ, or ZZZZZ")]
    [InlineData("X", "invalid date format verb \"X\"")]
    [InlineData("YYYY 'unterminated", "unterminated literal '")]
    [InlineData("'", "unterminated literal '")]
    public void FormatDate_BadFormat(string format, string message) => Fails(message, 0, "formatdate", S(format), S("2018-01-02T23:12:01Z"));

    public static TheoryData<string, string> BadTimestamps => new()
    {
        { "", "not a valid RFC3339 timestamp: end of string before year" },
        { "17-11-22T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"1-22T00:00:00Z\" as year" },
        { "x017-11-22T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"x017-11-22T00:00:00Z\" as year" },
        { "2017", "not a valid RFC3339 timestamp: end of string where \"-\" is expected" },
        { "2017/11/22T00:00:00Z", "not a valid RFC3339 timestamp: found \"/11/22T00:00:00Z\" where \"-\" is expected" },
        { "2017-1-22T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"1-22T00:00:00Z\" as month" },
        { "2017-13-01T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"-01T00:00:00Z\" as month" },
        { "2017-11-x2T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"x2T00:00:00Z\" as day of month" },
        { "2017-11-22", "not a valid RFC3339 timestamp: missing required time introducer 'T'" },
        { "2017-11-22 00:00:00Z", "not a valid RFC3339 timestamp: missing required time introducer 'T'" },
        { "2017-11-22T25:00:00Z", "not a valid RFC3339 timestamp: cannot use \":00:00Z\" as hour" },
        { "2017-11-22T00:60:00Z", "not a valid RFC3339 timestamp: cannot use \":00Z\" as minute" },
        { "2017-11-22T00:00", "not a valid RFC3339 timestamp: end of string where \":\" is expected" },
        { "2017-11-22T00:00:00", "not a valid RFC3339 timestamp: end of string before UTC offset" },
        { "2017-11-22T00:00:00+0100", "not a valid RFC3339 timestamp: cannot use \"+0100\" as UTC offset" },
        { "2017-11-22T00:00:00z", "not a valid RFC3339 timestamp: cannot use \"z\" as UTC offset" },
        { "2017-11-22T00:00:00Zjunk", "not a valid RFC3339 timestamp: cannot use \"junk\" as timestamp segment" },
        { "2017-02-29T00:00:00Z", "not a valid RFC3339 timestamp: day out of range" },
        // go-cty's own test vectors:
        { "2017-12-02t00:00:00Z", "not a valid RFC3339 timestamp: missing required time introducer 'T'" },
        { "2017:01:02", "not a valid RFC3339 timestamp: found \":01:02\" where \"-\" is expected" },
        { "2017-01-02T", "not a valid RFC3339 timestamp: end of string before hour" },
        { "2017-01-02T00", "not a valid RFC3339 timestamp: end of string where \":\" is expected" },
        { "2017-01-02T26:00:00Z", "not a valid RFC3339 timestamp: cannot use \":00:00Z\" as hour" },
        { "2017-13-02T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"-02T00:00:00Z\" as month" },
        { "2017-02-31T00:00:00Z", "not a valid RFC3339 timestamp: day out of range" },
        { "\"2017-12-02T00:00:00Z\"", "not a valid RFC3339 timestamp: cannot use \"\\\"2017-12-02T00:00:00Z\\\"\" as year" },
        { "2-12-02T00:00:00Z", "not a valid RFC3339 timestamp: cannot use \"-02T00:00:00Z\" as year" },
        { "2017-04-31T00:00:00Z", "not a valid RFC3339 timestamp: day out of range" },
    };

    [Theory]
    [MemberData(nameof(BadTimestamps))]
    public void FormatDate_BadTimestamp(string ts, string message) => Fails(message, 1, "formatdate", S("YYYY"), S(ts));

    [Theory]
    [MemberData(nameof(BadTimestamps))]
    public void TimeAdd_BadTimestamp(string ts, string message) => Fails(message, null, "timeadd", S(ts), S("1h"));

    [Theory]
    [InlineData("2017-11-22T00:00:00Z", "10m", "2017-11-22T00:10:00Z")]
    [InlineData("2017-11-22T00:00:00Z", "-1h", "2017-11-21T23:00:00Z")]
    [InlineData("2017-11-22T00:00:00+05:30", "1.5h", "2017-11-22T01:30:00+05:30")]
    [InlineData("2017-11-22T00:00:00Z", "1h30m15s", "2017-11-22T01:30:15Z")]
    [InlineData("2017-11-22T00:00:00Z", "0", "2017-11-22T00:00:00Z")]
    [InlineData("2017-11-22T00:00:00Z", "+.5h", "2017-11-22T00:30:00Z")]
    [InlineData("2017-11-22T00:00:00.9Z", "100ms", "2017-11-22T00:00:01Z")]
    [InlineData("2017-11-22T00:00:00Z", "1500us", "2017-11-22T00:00:00Z")]
    [InlineData("2017-11-22T00:00:00Z", "1µs", "2017-11-22T00:00:00Z")]
    [InlineData("2017-11-22T00:00:00Z", "8760h", "2018-11-22T00:00:00Z")]
    [InlineData("2016-02-28T23:00:00Z", "2h", "2016-02-29T01:00:00Z")]
    [InlineData("1999-12-31T23:59:59-00:00", "1s", "2000-01-01T00:00:00Z")]
    public void TimeAdd(string ts, string duration, string expected) => Assert.Equal(S(expected), Call("timeadd", S(ts), S(duration)).Value);

    [Theory]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData(".h", "time: invalid duration \".h\"")]
    [InlineData("1h 2m", "time: unknown unit \"h \" in duration \"1h 2m\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    [InlineData("1é", "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"")]
    public void TimeAdd_BadDuration(string duration, string message) => Fails(message, null, "timeadd", S("2017-11-22T00:00:00Z"), S(duration));

    [Theory]
    [InlineData("2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z", 0)]
    [InlineData("2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z", -1)]
    [InlineData("2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z", 1)]
    [InlineData("2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00", 0)]
    [InlineData("2017-11-22T00:00:00.000000001Z", "2017-11-22T00:00:00Z", 1)]
    public void TimeCmp(string a, string b, int expected) => Assert.Equal(HclValue.Number(expected), Call("timecmp", S(a), S(b)).Value);

    [Fact]
    public void TimeCmp_BlamesTheBadArgument()
    {
        Fails("not a valid RFC3339 timestamp: missing required time introducer 'T'", 0, "timecmp", S("2017-11-22"), S("2017-11-22T00:00:00Z"));
        Fails("not a valid RFC3339 timestamp: end of string before year", 1, "timecmp", S("2017-11-22T00:00:00Z"), S(""));
    }

    [Fact]
    public void Unknown_And_Sensitive()
    {
        var u = Call("formatdate", S("YYYY"), HclValue.UnknownOf(HclType.String)).Value!;
        Assert.False(u.IsKnown);
        var s = Call("timeadd", S("2017-11-22T00:00:00Z").Mark(HclMarks.Sensitive), S("1h")).Value!;
        Assert.True(s.IsSensitive);
        Assert.Equal(S("2017-11-22T01:00:00Z"), s.Unmark().Value);
    }
}
