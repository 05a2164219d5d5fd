using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class StringFormatFunctionsTests
{
    private static HclValue[] Args(object[] raw) => raw.Select(ToValue).ToArray();

    private static HclValue ToValue(object o) => o switch
    {
        HclValue v => v,
        string s => S(s),
        int i => N(i),
        long l => N(l),
        double d => N(d),
        bool b => B(b),
        _ => throw new ArgumentException("unsupported", nameof(o)),
    };

    public static TheoryData<string, object[], string> FormatCases => new()
    {
        { "", [], "" },
        { "hello", [], "hello" },
        { "100%% successful", [], "100% successful" },
        { "string %v", ["hello"], "string hello" },
        { "string %[2]v", [true, "hello"], "string hello" },
        { "string %#v", ["hello"], "string \"hello\"" },
        { "number %v", [2], "number 2" },
        { "number %#v", [2], "number 2" },
        { "number %v", [1.5], "number 1.5" },
        { "number %v", [1000000], "number 1e+06" },
        { "bool %v", [true], "bool true" },
        { "%%%v", [false], "%false" },
        { "Hello, %s!", ["Ermintrude"], "Hello, Ermintrude!" },
        { "Hello, %[2]s!", ["Stephen", "Ermintrude"], "Hello, Ermintrude!" },
        { "Hello, %q...", ["Ermintrude"], "Hello, \"Ermintrude\"..." },
        { "Statement is %s", [false], "Statement is false" },
        { "Statement is %q", [false], "Statement is \"false\"" },
        { "%10s", ["hello"], "     hello" },
        { "%-10s", ["hello"], "hello     " },
        { "%4s", ["💃🏿"], "   💃🏿" },
        { "%-4s", ["💃🏿"], "💃🏿   " },
        { "%q", ["💃🏿"], "\"💃🏿\"" },
        { "%6q", ["💃🏿"], "   \"💃🏿\"" },
        { "%.2s", ["hello"], "he" },
        { "%.2q", ["hello"], "\"he\"" },
        { "%.5s", ["日本語日本語"], "日本語日本" },
        { "%.1q", ["日本語日本語"], "\"日\"" },
        { "%.10s", ["hello"], "hello" },
        { "%4.2s", ["hello"], "  he" },
        { "%-4.2s", ["hello"], "he  " },
        { "%q", ["Hello\nWorld"], "\"Hello\\nWorld\"" },
        { "%q", ["<a&b>"], "\"\\u003ca\\u0026b\\u003e\"" },
        { "%05s", ["ab"], "000ab" },
        { "Statement is %t", [false], "Statement is false" },
        { "Statement is %[2]t", [true, false], "Statement is false" },
        { "Statement is %t", ["true"], "Statement is true" },
        { "%d bottles", [10], "10 bottles" },
        { "%[2]d things", [1, 10], "10 things" },
        { "%+d bottles", [10], "+10 bottles" },
        { "% d bottles", [10], " 10 bottles" },
        { "%5d bottles", [10], "   10 bottles" },
        { "%-5d bottles", [10], "10    bottles" },
        { "%05d", [-42], "-0042" },
        { "%.3d", [7], "007" },
        { "%d", ["12"], "12" },
        { "%b", [5], "101" },
        { "%o", [9], "11" },
        { "%#o", [9], "011" },
        { "%x", [254], "fe" },
        { "%X", [254], "FE" },
        { "%#x", [255], "0xff" },
        { "%x", [-255], "-ff" },
        { "%f things", [10], "10.000000 things" },
        { "%[2]f things", [1, 10], "10.000000 things" },
        { "%+f things", [10], "+10.000000 things" },
        { "% f things", [10], " 10.000000 things" },
        { "%+f things", [-10], "-10.000000 things" },
        { "%.1f things", ["1.06"], "1.1 things" },
        { "%.2f", [3.14159], "3.14" },
        { "%.0f", [2.5], "2" },
        { "%.0f", [3.5], "4" },
        { "%8.3f", [3.14159], "   3.142" },
        { "%-8.3f|", [3.14159], "3.142   |" },
        { "%08.3f", [-3.14159], "-003.142" },
        { "%f", ["1.00000000000000000000000000000000000001"], "1.000000" },
        { "%.4f things", ["1.00000000000000000000000000000000000001"], "1.0000 things" },
        { "%e things", [1000], "1.000000e+03 things" },
        { "%E things", [1000], "1.000000E+03 things" },
        { "%.2e", [123456], "1.23e+05" },
        { "%e", [0], "0.000000e+00" },
        { "%g things", [1000], "1000 things" },
        { "%G things", [1000], "1000 things" },
        { "%g things", ["1e-23"], "1e-23 things" },
        { "%G things", ["1e-23"], "1E-23 things" },
        { "%g", ["0.0001"], "0.0001" },
        { "%g", ["0.00001"], "1e-05" },
        { "%.3g", [3.14159], "3.14" },
        { "%.3g", [31415.9], "3.14e+04" },
        { "%v", [1.0E21], "1e+21" },
        { "%+.2e", [12345], "+1.23e+04" },
        { "%x", ["100000000000000000000"], "56bc75e2d63100000" },
        { "%d", ["1000000000000000000000000000000"], "1000000000000000000000000000000" },
        { "%b", [-5], "-101" },
        { "%o", [8], "10" },
        { "%#b", [5], "0b101" },
        { "% x", [255], " ff" },
        { "%08d", [42], "00000042" },
        { "%-08d|", [42], "42      |" },
        { "%.0d", [0], "" },
        { "%5.0d|", [0], "|" },
        { "%6.3d", [-7], "  -007" },
        { "%g", [100000], "100000" },
        { "%g", [1000000], "1e+06" },
        { "%G", ["0.0000001"], "1E-07" },
        { "%.2g", [123], "1.2e+02" },
        { "%.3G", ["0.000012345"], "1.23E-05" },
        { "%v", [-2], "-2" },
        { "%5v|", [12], "   12|" },
        { "%-5t|", [true], "true|" },
        { "%[1]s %[1]s", ["x"], "x x" },
        { "%[2]s %[1]s", ["a", "b"], "b a" },
        { "%-[1]d|", [1], "1|" },
        { "%s", [1.5], "1.5" },
        { "%s", ["1e3"], "1e3" },
        { "%d", ["1e3"], "1000" },
        { "%.3s", ["e\u0301e\u0301e\u0301e\u0301"], "e\u0301e\u0301e\u0301" },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_Cases(string format, object[] args, string expected) =>
        Gives(S(expected), "format", [S(format), .. Args(args)]);

    [Fact]
    public void Format_LargeNumberF() =>
        Gives(S("100000000000000000000000000000000000001.000000 things"), "format", S("%f things"), NP("100000000000000000000000000000000000001"));

    [Fact]
    public void Format_Structures_AsJson()
    {
        Gives(S("object {}"), "format", S("object %v"), HclValue.EmptyObject);
        Gives(S("tuple []"), "format", S("tuple %v"), T());
        Gives(S("[1,\"a\",true,null]"), "format", S("%v"), T(N(1), S("a"), B(true), Null(Str)));
        Gives(S("{\"a\":[1.5],\"b\":{\"c\":\"d\"}}"), "format", S("%v"), O(("b", O(("c", S("d")))), ("a", L(N(1.5)))));
        Gives(S("[\"a\",\"b\"]"), "format", S("%#v"), Set(S("b"), S("a")));
        Gives(S("null"), "format", S("%v"), Null(Bool));
        Gives(S("null"), "format", S("%v"), HclValue.Null);
        Gives(S("  null"), "format", S("%6v"), HclValue.Null);
    }

    [Fact]
    public void Format_Unknowns()
    {
        Same(U(Str), Ok("format", S("Hello, %s!"), U(Str)));
        Same(U(Str), Ok("format", S("%v"), T(U(Str))));
        Same(U(Str), Ok("format", U(Str), S("x")));
        Same(U(Str), Ok("format", S("%v"), HclValue.DynamicVal));
    }

    [Fact]
    public void Format_Marks()
    {
        Same(Sens(S("hello world")), Ok("format", S("hello %s"), Sens(S("world"))));
        Same(Sens(S("hello world")), Ok("format", Sens(S("hello %s")), S("world")));
    }

    public static TheoryData<string, object[], string> FormatErrors => new()
    {
        { "%s is not in args", [], "not enough arguments for \"%s\" at 0: need index 1 but have 0 total" },
        { "%[3]s not in args", [true, true], "not enough arguments for \"%[3]s\" at 0: need index 3 but have 2 total" },
        { "%[0]s not valid", [true, true], "unrecognized format character '0' at offset 2" },
        { "%v %v %v", [true, true], "not enough arguments for \"%v\" at 6: need index 3 but have 2 total" },
        { "%z not valid", [10], "unsupported format verb 'z' in \"%z\" at offset 0" },
        { "%#z not valid", [10], "unsupported format verb 'z' in \"%#z\" at offset 0" },
        { "%012z not valid", [10], "unsupported format verb 'z' in \"%012z\" at offset 0" },
        { "%☠ not valid", [10], "unrecognized format character '☠' at offset 1" },
        { "%💃🏿 not valid", [10], "unrecognized format character '💃' at offset 1" },
        { "é %!", [10], "unrecognized format character '!' at offset 4" },
        { "%d bottles", [true], "unsupported value for \"%d\" at 0: number required" },
        { "%d", [1.5], "unsupported value for \"%d\" at 0: an integer is required" },
        { "%d", ["x"], "unsupported value for \"%d\" at 0: a number is required" },
        { "%t", ["maybe"], "unsupported value for \"%t\" at 0: a bool is required" },
        { "abc %", [], "invalid format string starting at offset 5" },
        { "%5.", [1], "invalid format string starting at offset 3" },
        { "%c", ["x"], "unsupported format verb 'c' in \"%c\" at offset 0" },
        { "%[2]s %s", ["a", "b"], "not enough arguments for \"%s\" at 6: need index 3 but have 2 total" },
        { "%T", ["x"], "unsupported format verb 'T' in \"%T\" at offset 0" },
        { "%*d", [1, 2], "unrecognized format character '*' at offset 1" },
        { "%[x]d", [1], "unrecognized format character 'x' at offset 2" },
        { "%[1]-d", [1], "unrecognized format character '-' at offset 4" },
    };

    [Theory]
    [MemberData(nameof(FormatErrors))]
    public void Format_Errors(string format, object[] args, string message) =>
        Fails(message, "format", [S(format), .. Args(args)]);

    [Fact]
    public void Format_NullArgument_Errors()
    {
        Fails("unsupported value for \"%s\" at 0: null value cannot be formatted", "format", S("%s"), Null(Str));
        Fails("unsupported value for \"%d\" at 0: null value cannot be formatted", "format", S("%d"), HclValue.Null);
        Fails("Invalid value for \"format\" parameter: argument must not be null.", "format", Null(Str), N(10));
    }

    [Fact]
    public void Format_TooManyArguments_BlamesFirstUnused()
    {
        var e = Err("format", S("no verbs"), N(10));
        Assert.Equal("Invalid value for \"args\" parameter: too many arguments; no verbs in format string.", e.Message);
        Assert.Equal(1, e.ArgumentIndex);
        e = Err("format", S("one verb %d"), N(10), N(11));
        Assert.Equal("Invalid value for \"args\" parameter: too many arguments; only 1 used by format string.", e.Message);
        Assert.Equal(2, e.ArgumentIndex);
    }

    [Fact]
    public void FormatList_Cases()
    {
        Gives(L(S("")), "formatlist", S(""));
        Gives(L(S("100% successful")), "formatlist", S("100%% successful"));
        Gives(L(S("hello")), "formatlist", S("%s"), S("hello"));
        Gives(L(S("hello")), "formatlist", S("%s"), L(S("hello")));
        Gives(L(S("hello"), S("world")), "formatlist", S("%s"), L(S("hello"), S("world")));
        Gives(L(S("hello world"), S("goodbye universe")), "formatlist", S("%s %s"), L(S("hello"), S("goodbye")), L(S("world"), S("universe")));
        Gives(L(S("hello world"), S("goodbye world")), "formatlist", S("%s %s"), L(S("hello"), S("goodbye")), S("world"));
        Gives(L(S("hello world"), S("hello universe")), "formatlist", S("%s %s"), S("hello"), T(S("world"), S("universe")));
        Gives(LOf(Str), "formatlist", S("%v"), T());
        Gives(L(S("null")), "formatlist", S("%v"), Null(ListT(Str)));
        Gives(L(S("a=1"), S("b=2")), "formatlist", S("%s=%d"), Set(S("a"), S("b")), L(N(1), N(2)));
    }

    [Fact]
    public void FormatList_Unknowns()
    {
        Same(U(ListT(Str)), Ok("formatlist", S("%s"), U(ListT(Str))));
        Same(L(S("a"), U(Str)), Ok("formatlist", S("%s"), L(S("a"), U(Str))));
        Same(L(U(Str)), Ok("formatlist", S("%s"), U(Str)));
    }

    [Fact]
    public void FormatList_Errors()
    {
        var e = Err("formatlist", S("%s %s"), L(S("a"), S("b")), L(S("c")));
        Assert.Equal("Invalid value for \"args\" parameter: argument 2 has length 1, which is inconsistent with argument 1 of length 2.", e.Message);
        Assert.Equal(2, e.ArgumentIndex);
        Fails("error on format iteration 0: unsupported value for \"%d\" at 0: a number is required", "formatlist", S("%d"), L(S("x")));
        Fails("not enough arguments for \"%s\" at 0: need index 1 but have 0 total", "formatlist", S("%s"));
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("123456.789", "123456.789")]
    [InlineData("1234567.5", "1.2345675e+06")]
    [InlineData("0.00001234", "1.234e-05")]
    [InlineData("0.0001234", "0.0001234")]
    [InlineData("-999999", "-999999")]
    [InlineData("100000000000000000000000000000000000000001", "1.00000000000000000000000000000000000000001e+41")]
    public void Format_V_NumberUsesShortestG(string number, string expected) => Gives(S(expected), "format", S("%v"), NP(number));

    [Fact]
    public void Format_Infinity()
    {
        var inf = HclValue.Number(HclNumber.PositiveInfinity);
        var negInf = HclValue.Number(HclNumber.NegativeInfinity);
        Gives(S("+Inf"), "format", S("%f"), inf);
        Gives(S(" -Inf"), "format", S("%5.1f"), negInf);
        Gives(S("+Inf"), "format", S("%e"), inf);
        Gives(S(" +Inf"), "format", S("%05g"), inf);
        Fails("unsupported value for \"%d\" at 0: an integer is required", "format", S("%d"), inf);
    }

    [Fact]
    public void FormatList_Marks() =>
        Same(Sens(L(S("a!"), S("b!"))), Ok("formatlist", S("%s!"), L(Sens(S("a")), S("b"))));
}
