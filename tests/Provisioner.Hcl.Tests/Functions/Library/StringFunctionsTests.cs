using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class StringFunctionsTests
{
    public static TheoryData<string, string, string> UnaryCases => new()
    {
        { "upper", "hello", "HELLO" },
        { "upper", "алло!", "АЛЛО!" },
        { "upper", "", "" },
        { "upper", "straße", "STRAßE" },
        { "lower", "HELLO", "hello" },
        { "lower", "АЛЛО!", "алло!" },
        { "lower", "ÀB", "àb" },
        { "strrev", "hello", "olleh" },
        { "strrev", "a ☃", "☃ a" },
        { "strrev", "", "" },
        { "strrev", "e\u0301x", "xe\u0301" },
        { "strrev", "👨‍👩‍👧x", "x👨‍👩‍👧" },
        { "strrev", "🇩🇪🇫🇷", "🇫🇷🇩🇪" },
        { "title", "hello world", "Hello World" },
        { "title", "hello-world foo_bar", "Hello-World Foo_bar" },
        { "title", "ÿes ñame", "Ÿes Ñame" },
        { "title", "a.b,c", "A.B,C" },
        { "title", "", "" },
        { "trimspace", "  hello\n\t", "hello" },
        { "trimspace", "\u00a0x\u2003", "x" },
        { "trimspace", "a b", "a b" },
        { "chomp", "hello\n", "hello" },
        { "chomp", "hello\r\n", "hello" },
        { "chomp", "hello\n\n\r\n", "hello" },
        { "chomp", "hello\n world", "hello\n world" },
        { "chomp", "hello\r", "hello" },
        { "chomp", "", "" },
    };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void Unary_String_ReturnsExpected(string name, string input, string expected) => Gives(S(expected), name, S(input));

    [Fact]
    public void Unary_UnknownAndSensitive()
    {
        foreach (var f in new[] { "upper", "lower", "strrev", "title", "trimspace", "chomp" })
        {
            Same(U(Str), Ok(f, U(Str)));
            Assert.True(Ok(f, Sens(S("x"))).IsSensitive, f);
            Fails("Invalid value for \"str\" parameter: argument must not be null.", f, Null(Str));
        }
    }

    [Fact]
    public void Upper_NumberArgument_IsConverted() => Gives(S("12"), "upper", N(12));

    public static TheoryData<string, long, long, string> SubstrCases => new()
    {
        { "hello world", 1, 4, "ello" },
        { "🤔🤷", 0, 1, "🤔" },
        { "hello world", -5, -1, "world" },
        { "hello world", 6, 10, "world" },
        { "hello world", -3, 10, "rld" },
        { "hello world", 11, 1, "" },
        { "hello world", 20, 1, "" },
        { "hello world", 0, 0, "" },
        { "hello world", 3, 0, "" },
        { "hello world", -20, 3, "hel" },
        { "hello world", 0, -1, "hello world" },
        { "e\u0301clair", 0, 1, "e\u0301" },
        { "e\u0301clair", 1, 2, "cl" },
        { "", 0, 5, "" },
        { "abc", -2, 0, "bc" },
    };

    [Theory]
    [MemberData(nameof(SubstrCases))]
    public void Substr_Cases(string input, long offset, long length, string expected) =>
        Gives(S(expected), "substr", S(input), N(offset), N(length));

    [Fact]
    public void Substr_Errors()
    {
        Fails("value must be a whole number, between -9223372036854775808 and 9223372036854775807", "substr", S("abc"), N(0.5), N(1));
        Same(U(Str), Ok("substr", S("abc"), U(Num), N(1)));
        Same(Sens(S("b")), Ok("substr", Sens(S("abc")), N(1), N(1)));
    }

    public static TheoryData<string, string, string, string> TrimCases => new()
    {
        { "trim", "?!hello?!", "!?", "hello" },
        { "trim", "foobar", "far", "oob" },
        { "trim", "   hello! world.!  ", "! ", "hello! world." },
        { "trim", "xx", "x", "" },
        { "trim", "abc", "", "abc" },
        { "trim", "🤔a🤔", "🤔", "a" },
        { "trimprefix", "helloworld", "hello", "world" },
        { "trimprefix", "helloworld", "world", "helloworld" },
        { "trimprefix", "hellohello", "hello", "hello" },
        { "trimprefix", "abc", "", "abc" },
        { "trimsuffix", "helloworld", "world", "hello" },
        { "trimsuffix", "helloworld", "hello", "helloworld" },
        { "trimsuffix", "aa", "a", "a" },
    };

    [Theory]
    [MemberData(nameof(TrimCases))]
    public void Trim_Cases(string name, string input, string arg, string expected) => Gives(S(expected), name, S(input), S(arg));

    [Fact]
    public void Indent_AddsSpacesAfterNewlines()
    {
        Gives(S("[\n    foo,\n    bar,\n  ]"), "indent", N(2), S("[\n  foo,\n  bar,\n]"));
        Gives(S("a"), "indent", N(4), S("a"));
        Gives(S("a\n b"), "indent", N(1), S("a\nb"));
        Gives(S("a\nb"), "indent", N(0), S("a\nb"));
        Assert.False(Call("indent", N(-1), S("a")).IsSuccess);
        Fails("value must be a whole number, between -9223372036854775808 and 9223372036854775807", "indent", N(1.5), S("a"));
    }

    [Fact]
    public void Join_Cases()
    {
        Gives(S("a,b,c"), "join", S(","), L(S("a"), S("b"), S("c")));
        Gives(S("a"), "join", S(","), L(S("a")));
        Gives(S(""), "join", S(","), LOf(Str));
        Gives(S("a-b-c-d"), "join", S("-"), L(S("a"), S("b")), L(S("c"), S("d")));
        Gives(S("1 true"), "join", S(" "), T(N(1), B(true)));
        Gives(S("a b"), "join", S(" "), Set(S("b"), S("a")));
        Same(U(Str), Ok("join", S(","), L(S("a"), U(Str))));
        Same(U(Str), Ok("join", S(","), U(ListT(Str))));
        Same(Sens(S("a,b")), Ok("join", S(","), L(S("a"), Sens(S("b")))));
    }

    [Fact]
    public void Join_Errors()
    {
        Fails("at least one list is required", "join", S(","));
        Fails("Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values.", "join", S(","), L(S("a"), Null(Str)));
        Fails("Invalid value for \"lists\" parameter: element 0 of list 2 is null; cannot concatenate null values.", "join", S(","), L(S("a")), L(Null(Str)));
        Assert.Equal(2, Err("join", S(","), L(S("a")), L(Null(Str))).ArgumentIndex);
    }

    [Fact]
    public void Split_Cases()
    {
        Gives(L(S("a"), S("b"), S("c")), "split", S(","), S("a,b,c"));
        Gives(L(S("foo")), "split", S(","), S("foo"));
        Gives(L(S("")), "split", S(","), S(""));
        Gives(L(S(""), S(""), S("")), "split", S(","), S(",,"));
        Gives(L(S("a"), S("☃"), S("b")), "split", S(""), S("a☃b"));
        Gives(LOf(Str), "split", S(""), S(""));
        Gives(L(S("a"), S("c")), "split", S("bb"), S("abbc"));
        Same(U(ListT(Str)), Ok("split", S(","), U(Str)));
    }

    [Fact]
    public void Replace_Substring()
    {
        Gives(S("1 + 2 + 3"), "replace", S("1 + 2 + 3"), S("+"), S("+"));
        Gives(S("hello everybody"), "replace", S("hello world"), S("world"), S("everybody"));
        Gives(S("xaxbx"), "replace", S("ab"), S(""), S("x"));
        Gives(S("/"), "replace", S("/"), S("/"), S("/"));
        Gives(S("abc"), "replace", S("abc"), S("x"), S("y"));
    }

    [Fact]
    public void Replace_Regex()
    {
        Gives(S("hello everybody"), "replace", S("hello world"), S("/w.*d/"), S("everybody"));
        Gives(S("XbXcX"), "replace", S("baaac"), S("/a*/"), S("X"));
        Gives(S("-a-b-c-"), "replace", S("abc"), S("//"), S("-"));
        Gives(S("world, hello"), "replace", S("hello, world"), S("/(\\w+), (\\w+)/"), S("$2, $1"));
        Gives(S("world, hello"), "replace", S("hello, world"), S("/(?P<a>\\w+), (?P<b>\\w+)/"), S("${b}, ${a}"));
        Gives(S("$1 cost"), "replace", S("price cost"), S("/(price)/"), S("$$1"));
        Gives(S(" cost"), "replace", S("price cost"), S("/(price)/"), S("$1x"));
        Gives(S("pricex cost"), "replace", S("price cost"), S("/(price)/"), S("${1}x"));
        Gives(S("a.b"), "replace", S("a1b"), S("/\\d/"), S("."));
        Gives(S("a٣b"), "replace", S("a٣b"), S("/\\d/"), S("."));
        Gives(S("line1!\nline2!"), "replace", S("line1\nline2"), S("/(?m)$/"), S("!"));
        Gives(S("ab\n!"), "replace", S("ab\n"), S("/$/"), S("!"));
        Gives(S("A"), "replace", S("a"), S("/(?i)A/"), S("A"));
    }

    [Fact]
    public void Replace_InvalidRegex_Fails()
    {
        Fails("error parsing regexp: missing closing ): `(a`", "replace", S("a"), S("/(a/"), S("b"));
        Fails("error parsing regexp: invalid escape sequence: `\\1`", "replace", S("a"), S("/(a)\\1/"), S("b"));
        Fails("error parsing regexp: invalid or unsupported Perl syntax: `(?=`", "replace", S("a"), S("/a(?=b)/"), S("b"));
    }

    [Fact]
    public void StartsWith_EndsWith_StrContains()
    {
        Gives(B(true), "startswith", S("hello world"), S("hello"));
        Gives(B(false), "startswith", S("hello world"), S("world"));
        Gives(B(true), "startswith", S("x"), S(""));
        Gives(B(true), "endswith", S("hello world"), S("world"));
        Gives(B(false), "endswith", S("hello world"), S("hello"));
        Gives(B(true), "strcontains", S("hello world"), S("o w"));
        Gives(B(false), "strcontains", S("hello world"), S("banana"));
        Gives(B(true), "strcontains", S("abc"), S(""));
        Same(HclValue.True, Ok("startswith", U(Str), S("")));
        Same(U(Bool), Ok("startswith", U(Str), S("a")));
        Same(U(Bool), Ok("endswith", U(Str), S("a")));
        Same(U(Bool), Ok("strcontains", S("a"), U(Str)));
        Same(Sens(B(true)), Ok("strcontains", Sens(S("abc")), S("b")));
        Fails("Invalid value for \"prefix\" parameter: argument must not be null.", "startswith", S("a"), Null(Str));
    }

    public static TheoryData<string, string, string> TwoStringFunctions => new()
    {
        { "trim", "str", "cutset" },
        { "trimprefix", "str", "prefix" },
        { "trimsuffix", "str", "suffix" },
        { "split", "separator", "str" },
        { "endswith", "str", "suffix" },
        { "strcontains", "str", "substr" },
        { "regex", "pattern", "string" },
        { "regexall", "pattern", "string" },
    };

    [Theory]
    [MemberData(nameof(TwoStringFunctions))]
    public void TwoStrings_NullArguments_NameTheParameter(string name, string first, string second)
    {
        var e = Err(name, Null(Str), S("a"));
        Assert.Equal($"Invalid value for \"{first}\" parameter: argument must not be null.", e.Message);
        Assert.Equal(0, e.ArgumentIndex);
        e = Err(name, S("a"), Null(Str));
        Assert.Equal($"Invalid value for \"{second}\" parameter: argument must not be null.", e.Message);
        Assert.Equal(1, e.ArgumentIndex);
    }

    [Theory]
    [MemberData(nameof(TwoStringFunctions))]
    public void TwoStrings_UnknownSecondArgument_IsUnknown(string name, string first, string second)
    {
        _ = first;
        _ = second;
        Assert.False(Ok(name, S("a"), U(Str)).IsKnown);
    }

    [Theory]
    [MemberData(nameof(TwoStringFunctions))]
    public void TwoStrings_SensitiveArgument_MarksResult(string name, string first, string second)
    {
        _ = first;
        _ = second;
        Assert.True(Ok(name, S("a"), Sens(S("a"))).IsSensitive);
        Assert.True(Ok(name, Sens(S("a")), S("a")).IsSensitive);
    }

    [Fact]
    public void Replace_NullAndUnknownAndMarks()
    {
        Fails("Invalid value for \"replace\" parameter: argument must not be null.", "replace", S("a"), S("a"), Null(Str));
        Same(U(Str), Ok("replace", S("a"), U(Str), S("b")));
        Same(Sens(S("b")), Ok("replace", S("a"), S("a"), Sens(S("b"))));
        Same(Sens(S("b")), Ok("replace", Sens(S("a")), S("/a/"), S("b")));
    }

    [Fact]
    public void Indent_Trim_StringConversions()
    {
        Gives(S("a\n  b"), "indent", S("2"), S("a\nb"));
        Gives(S("111"), "trim", N(111), S(""));
        Gives(S("23"), "trim", N(1231), S("1"));
        Gives(S("true"), "trimprefix", B(true), S("x"));
    }
}
