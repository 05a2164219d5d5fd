using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class NumericFunctionsTests
{
    private const string Whole = "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

    public static TheoryData<string, string, string> UnaryCases => new()
    {
        { "abs", "23", "23" },
        { "abs", "0", "0" },
        { "abs", "-12.4", "12.4" },
        { "abs", "-1e400", "1e400" },
        { "ceil", "5", "5" },
        { "ceil", "5.1", "6" },
        { "ceil", "-5.1", "-5" },
        { "ceil", "-0.5", "0" },
        { "ceil", "0.0000001", "1" },
        { "floor", "5", "5" },
        { "floor", "4.9", "4" },
        { "floor", "-4.1", "-5" },
        { "floor", "-0.5", "-1" },
        { "floor", "123456789012345678901234567890.5", "123456789012345678901234567890" },
        { "signum", "-13", "-1" },
        { "signum", "0", "0" },
        { "signum", "344", "1" },
    };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void Unary_Number_ReturnsExpected(string name, string input, string expected) =>
        Gives(NP(expected), name, NP(input));

    [Fact]
    public void CeilFloor_Infinity_ReturnsInfinity()
    {
        Gives(HclValue.Number(HclNumber.PositiveInfinity), "ceil", HclValue.Number(HclNumber.PositiveInfinity));
        Gives(HclValue.Number(HclNumber.NegativeInfinity), "floor", HclValue.Number(HclNumber.NegativeInfinity));
    }

    [Fact]
    public void Numeric_StringArgument_IsConverted()
    {
        Gives(N(3), "abs", S("-3"));
        Gives(N(2), "ceil", S("1.5"));
    }

    [Fact]
    public void Numeric_NonNumericString_IsInvalidArgument()
    {
        var e = Err("abs", S("x"));
        Assert.Equal(FunctionErrorKind.InvalidArgument, e.Kind);
        Assert.Equal("Invalid value for \"num\" parameter: a number is required.", e.Message);
    }

    [Fact]
    public void Numeric_Null_IsRejected() =>
        Fails("Invalid value for \"num\" parameter: argument must not be null.", "floor", Null(Num));

    [Fact]
    public void Numeric_Unknown_ReturnsUnknownNumber()
    {
        foreach (var f in new[] { "abs", "ceil", "floor", "signum" })
        {
            Same(U(Num), Ok(f, U(Num)));
        }
    }

    [Fact]
    public void Numeric_Sensitive_ResultIsSensitive()
    {
        Same(Sens(N(4)), Ok("abs", Sens(N(-4))));
        Same(Sens(N(2)), Ok("ceil", Sens(N(1.5))));
        Same(Sens(N(1)), Ok("floor", Sens(N(1.5))));
        Same(Sens(N(-1)), Ok("signum", Sens(N(-7))));
    }

    [Fact]
    public void Signum_Fraction_FailsAsTerraformDoes() => Fails(Whole, "signum", N(0.5));

    [Fact]
    public void Log_Values()
    {
        Gives(N(2), "log", N(100), N(10));
        Gives(N(3), "log", N(8), N(2));
        Gives(N(Math.Log(50) / Math.Log(10)), "log", N(50), N(10));
        Gives(HclValue.Number(HclNumber.NegativeInfinity), "log", N(0), N(10));
        Gives(N(0), "log", N(1), N(10));
    }

    [Fact]
    public void Log_NegativeNumber_Fails() => Assert.False(Call("log", N(-1), N(10)).IsSuccess);

    [Fact]
    public void Pow_Values()
    {
        Gives(N(9), "pow", N(3), N(2));
        Gives(N(1), "pow", N(4), N(0));
        Gives(N(0.5), "pow", N(2), N(-1));
        Gives(N(2), "pow", N(4), N(0.5));
        Gives(N(1), "pow", N(0), N(0));
    }

    [Fact]
    public void Pow_UnknownPower_ReturnsUnknown() => Same(U(Num), Ok("pow", N(2), U(Num)));

    [Fact]
    public void Max_Min_Values()
    {
        Gives(N(54), "max", N(12), N(54), N(3));
        Gives(N(3), "min", N(12), N(54), N(3));
        Gives(N(-2.5), "min", N(-2.5));
        Gives(N(7), "max", S("7"), N(1));
        Gives(HclValue.Number(HclNumber.NegativeInfinity), "max", HclValue.Number(HclNumber.NegativeInfinity));
    }

    [Fact]
    public void Max_NoArguments_Fails()
    {
        Fails("must pass at least one number", "max");
        Fails("must pass at least one number", "min");
    }

    [Fact]
    public void Max_UnknownArgument_ReturnsUnknown()
    {
        Same(U(Num), Ok("max", N(1), U(Num)));
        Same(U(Num), Ok("min", HclValue.DynamicVal, N(1)));
    }

    [Fact]
    public void Max_SensitiveArgument_MarksResult() => Same(Sens(N(5)), Ok("max", N(5), Sens(N(1))));

    [Fact]
    public void Max_NullArgument_Fails() =>
        Fails("Invalid value for \"numbers\" parameter: argument must not be null.", "max", N(1), Null(Num));

    public static TheoryData<string, long, string> ParseIntCases => new()
    {
        { "100", 10, "100" },
        { "-128", 10, "-128" },
        { "+42", 10, "42" },
        { "FF", 16, "255" },
        { "ff", 16, "255" },
        { "-FF", 16, "-255" },
        { "1011111011101111", 2, "48879" },
        { "aA", 62, "656" },
        { "zZ", 36, "1295" },
        { "12345678901234567890123", 10, "12345678901234567890123" },
        { "777", 8, "511" },
    };

    [Theory]
    [MemberData(nameof(ParseIntCases))]
    public void ParseInt_Valid_ReturnsNumber(string text, long numberBase, string expected) =>
        Gives(NP(expected), "parseint", S(text), N(numberBase));

    [Theory]
    [InlineData("xyz", 10)]
    [InlineData("0x10", 16)]
    [InlineData("12", 2)]
    [InlineData("", 10)]
    [InlineData("-", 10)]
    [InlineData("1_000", 10)]
    [InlineData("1.5", 10)]
    public void ParseInt_Invalid_FailsWithQuotedInput(string text, long numberBase)
    {
        var e = Err("parseint", S(text), N(numberBase));
        Assert.Equal(0, e.ArgumentIndex);
        Assert.Equal($"Invalid value for \"number\" parameter: cannot parse \"{text}\" as a base {numberBase} integer.", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(-5)]
    public void ParseInt_BaseOutOfRange_Fails(long numberBase) =>
        Fails("Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.", "parseint", S("1"), N(numberBase));

    [Fact]
    public void ParseInt_FractionalBase_Fails() =>
        Fails($"Invalid value for \"base\" parameter: {Whole}.", "parseint", S("1"), N(2.5));

    [Fact]
    public void ParseInt_NonString_Fails()
    {
        var e = Err("parseint", N(10), N(10));
        Assert.Equal("Invalid value for \"number\" parameter: first argument must be a string, not number.", e.Message);
        Assert.Equal(0, e.ArgumentIndex);
    }

    [Fact]
    public void ParseInt_SensitiveInvalid_RedactsInput() =>
        Fails("Invalid value for \"number\" parameter: cannot parse (sensitive value) as a base 10 integer.", "parseint", Sens(S("secret")), N(10));

    [Fact]
    public void ParseInt_SensitiveInput_ResultIsSensitive() => Same(Sens(N(12)), Ok("parseint", Sens(S("12")), N(10)));

    [Fact]
    public void ParseInt_Unknown_ReturnsUnknown()
    {
        Same(U(Num), Ok("parseint", U(Str), N(10)));
        Same(U(Num), Ok("parseint", S("1"), U(Num)));
    }

    [Fact]
    public void Sum_Values()
    {
        Gives(N(6), "sum", L(N(1), N(2), N(3)));
        Gives(N(3.5), "sum", T(N(1), S("2.5")));
        Gives(N(10), "sum", Set(N(5), N(2), N(3)));
        Gives(N(-1), "sum", L(N(-1)));
        Gives(NP("0.3"), "sum", L(NP("0.1"), NP("0.2")));
    }

    [Fact]
    public void Sum_Errors()
    {
        Fails("Invalid value for \"list\" parameter: cannot sum an empty list.", "sum", LOf(Num));
        Fails("Invalid value for \"list\" parameter: cannot sum an empty list.", "sum", T());
        Fails("Invalid value for \"list\" parameter: cannot sum noniterable.", "sum", N(1));
        Fails("Invalid value for \"list\" parameter: cannot sum noniterable.", "sum", S("1"));
        Fails("Invalid value for \"list\" parameter: argument must be list, set, or tuple. Received map of number.", "sum", M(("a", N(1))));
        Fails("Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.", "sum", L(S("a")));
        Fails("Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.", "sum", L(N(1), Null(Num)));
        Fails("Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.", "sum", T(N(1), B(true)));
        Fails("can't compute sum of opposing infinities", "sum", L(HclValue.Number(HclNumber.PositiveInfinity), HclValue.Number(HclNumber.NegativeInfinity)));
        Fails("Invalid value for \"list\" parameter: argument must not be null.", "sum", Null(ListT(Num)));
    }

    [Fact]
    public void Sum_Unknowns_ReturnUnknown()
    {
        Same(U(Num), Ok("sum", U(ListT(Num))));
        Same(U(Num), Ok("sum", L(N(1), U(Num))));
    }

    [Fact]
    public void Sum_SensitiveElement_ResultIsSensitive() => Same(Sens(N(3)), Ok("sum", L(N(1), Sens(N(2)))));
}
