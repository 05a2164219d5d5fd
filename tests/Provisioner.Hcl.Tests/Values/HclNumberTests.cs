using System.Numerics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclNumberTests
{
    private static HclNumber P(string s) => HclNumber.Parse(s) ?? throw new ArgumentException(s);

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("0.1", "0.1")]
    [InlineData("1.5", "1.5")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("100", "100")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("1.0", "1")]
    [InlineData("00012", "12")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("1e-5", "0.00001")]
    [InlineData("+7", "7")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("3.14159265358979323846264338327950288419716939937510582097494459", "3.14159265358979323846264338327950288419716939937510582097494459")]
    [InlineData("Inf", "+Inf")]
    [InlineData("-Inf", "-Inf")]
    [InlineData("+Inf", "+Inf")]
    [InlineData("-0", "0")]
    public void Parse_ThenFormat_GivesShortestText(string input, string expected)
    {
        Assert.Equal(expected, P(input).ToString());
    }

    [Fact]
    public void Parse_1e300_FormatsAllDigitsWithoutExponent()
    {
        var text = P("1e300").ToString();
        Assert.Equal("1" + new string('0', 300), text);
    }

    [Fact]
    public void Parse_1eMinus300_FormatsAsPlainDecimal()
    {
        Assert.Equal("0." + new string('0', 299) + "1", P("1e-300").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("0x10")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("NaN")]
    public void TryParse_Invalid_ReturnsFalse(string input)
    {
        Assert.False(HclNumber.TryParse(input, out _));
    }

    [Fact]
    public void Modulo_SpecsuiteFraction_KeepsBinaryArtefact()
    {
        // Given the specsuite case 11 % 5.1
        // When
        var r = P("11") % P("5.1");
        // Then
        Assert.Equal(
            "0.80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024",
            r.ToString());
    }

    [Fact]
    public void Add_SpecsuiteBigPi_KeepsAllDigits()
    {
        var r = P("3.14159265358979323846264338327950288419716939937510582097494459") + P("1");
        Assert.Equal("4.14159265358979323846264338327950288419716939937510582097494459", r.ToString());
    }

    [Theory]
    [InlineData("2", "3.5", "5.5")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("-1", "1", "0")]
    [InlineData("1e100", "1", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    public void Add_Values_GivesSum(string a, string b, string expected)
    {
        Assert.Equal(expected, (P(a) + P(b)).ToString());
    }

    [Theory]
    [InlineData("3.5", "2", "1.5")]
    [InlineData("2", "3.5", "-1.5")]
    public void Subtract_Values_GivesDifference(string a, string b, string expected)
    {
        Assert.Equal(expected, (P(a) - P(b)).ToString());
    }

    [Theory]
    [InlineData("2", "4.5", "9")]
    [InlineData("-3", "7", "-21")]
    [InlineData("0.5", "0.5", "0.25")]
    public void Multiply_Values_GivesProduct(string a, string b, string expected)
    {
        Assert.Equal(expected, (P(a) * P(b)).ToString());
    }

    [Theory]
    [InlineData("1", "10", "0.1")]
    [InlineData("10", "4", "2.5")]
    [InlineData("-9", "3", "-3")]
    public void Divide_Values_GivesQuotient(string a, string b, string expected)
    {
        Assert.Equal(expected, (P(a) / P(b)).ToString());
    }

    [Fact]
    public void Divide_OneByThree_RoundTripsAt512Bits()
    {
        var third = P("1") / P("3");
        var text = third.ToString();
        Assert.StartsWith("0.3333333333", text);
        Assert.Equal(third, P(text));
        Assert.InRange(text.Length, 150, 160);
    }

    [Fact]
    public void TryDivide_ByZero_GivesInfinity()
    {
        Assert.True(HclNumber.TryDivide(P("1"), P("0"), out var r, out _));
        Assert.True(r.IsPositiveInfinity);
        Assert.True(HclNumber.TryDivide(P("-1"), P("0"), out r, out _));
        Assert.True(r.IsNegativeInfinity);
    }

    [Fact]
    public void TryDivide_ZeroByZero_ReportsError()
    {
        Assert.False(HclNumber.TryDivide(P("0"), P("0"), out _, out var err));
        Assert.Equal("can't divide zero by zero or infinity by infinity", err);
    }

    [Fact]
    public void TryAdd_OpposingInfinities_ReportsError()
    {
        Assert.False(HclNumber.TryAdd(HclNumber.PositiveInfinity, HclNumber.NegativeInfinity, out _, out var err));
        Assert.Equal("can't compute sum of opposing infinities", err);
    }

    [Theory]
    [InlineData("11", "5", "1")]
    [InlineData("-11", "5", "-1")]
    [InlineData("11", "-5", "1")]
    [InlineData("5", "0", "5")]
    [InlineData("7.5", "2", "1.5")]
    public void Modulo_Values_GivesTruncatedRemainder(string a, string b, string expected)
    {
        Assert.Equal(expected, (P(a) % P(b)).ToString());
    }

    [Theory]
    [InlineData("1", "2", -1)]
    [InlineData("2", "1", 1)]
    [InlineData("1", "1.0", 0)]
    [InlineData("-1", "1", -1)]
    [InlineData("-2", "-1", -1)]
    [InlineData("-Inf", "-1e300", -1)]
    [InlineData("+Inf", "1e300", 1)]
    [InlineData("0.1", "0.10000000000000001", -1)]
    public void CompareTo_Values_OrdersNumerically(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(P(a).CompareTo(P(b))));
    }

    [Fact]
    public void Equals_SameValueDifferentText_AreEqualWithSameHash()
    {
        Assert.Equal(P("1.50"), P("1.5"));
        Assert.Equal(P("1.50").GetHashCode(), P("15e-1").GetHashCode());
    }

    [Theory]
    [InlineData("1.5", "1", "2", "1")]
    [InlineData("-1.5", "-2", "-1", "-1")]
    [InlineData("3", "3", "3", "3")]
    [InlineData("0.2", "0", "1", "0")]
    public void FloorCeilingTruncate_Values_RoundToIntegers(string v, string floor, string ceil, string trunc)
    {
        Assert.Equal(floor, P(v).Floor().ToString());
        Assert.Equal(ceil, P(v).Ceiling().ToString());
        Assert.Equal(trunc, P(v).Truncate().ToString());
    }

    [Fact]
    public void Conversions_LongAndDouble_RoundTrip()
    {
        Assert.True(HclNumber.FromLong(long.MaxValue).TryToLong(out var l));
        Assert.Equal(long.MaxValue, l);
        Assert.True(HclNumber.FromLong(long.MinValue).TryToLong(out l));
        Assert.Equal(long.MinValue, l);
        Assert.False(P("1.5").TryToLong(out _));
        Assert.False(P("1e30").TryToLong(out _));
        Assert.Equal(0.1, P("0.1").ToDouble());
        Assert.Equal(1e300, P("1e300").ToDouble());
        Assert.Equal("0.1", HclNumber.FromDouble(0.1).ToString());
        Assert.Equal("0.1000000000000000055511151231257827021181583404541015625", HclNumber.FromDouble(0.1).WithPrecision(512).ToString());
        Assert.True(P("12345678901234567890123").TryToBigInteger(out var bi));
        Assert.Equal(BigInteger.Parse("12345678901234567890123", System.Globalization.CultureInfo.InvariantCulture), bi);
    }

    [Fact]
    public void Parse_HugeInteger_RoundsTo512Bits()
    {
        // 2^600 + 1 is not representable with 512 bits: it rounds to 2^600.
        var big = BigInteger.Pow(2, 600) + 1;
        var n = P(big.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HclNumber.FromBigInteger(BigInteger.Pow(2, 600)), n);
    }

    [Fact]
    public void Parse_HalfwayCase_RoundsToEven()
    {
        // 2^513 + 1 is exactly halfway between two 512-bit neighbours (2^513 and 2^513 + 2): ties to even.
        static string Text(BigInteger b) => b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var x = BigInteger.Pow(2, 513) + 1;
        Assert.Equal(HclNumber.FromBigInteger(BigInteger.Pow(2, 513)), P(Text(x)));
        var y = BigInteger.Pow(2, 513) + 3;
        Assert.Equal(HclNumber.FromBigInteger(BigInteger.Pow(2, 513) + 4), P(Text(y)));
    }

    [Fact]
    public void FromBigInteger_Large_IsExactWithItsBitLength()
    {
        var x = BigInteger.Pow(2, 600) + 1;
        var n = HclNumber.FromBigInteger(x);
        Assert.Equal(601, n.Precision);
        Assert.True(n.TryToBigInteger(out var back));
        Assert.Equal(x, back);
    }

    [Fact]
    public void Precision_FollowsCty()
    {
        // Given cty's precisions: literals 512, NumberIntVal 64, NumberFloatVal 53
        Assert.Equal(512, P("1").Precision);
        Assert.Equal(64, HclNumber.FromLong(1).Precision);
        Assert.Equal(53, HclNumber.FromDouble(0.5).Precision);

        // When dividing integers that came from functions (length(a) / length(b)), the result has 64 bits
        Assert.Equal("0.33333333333333333334", (HclNumber.FromLong(1) / HclNumber.FromLong(3)).ToString());

        // But a literal operand brings 512 bits
        Assert.StartsWith("0.3333333333333333333333333333333333333", (HclNumber.FromLong(1) / P("3")).ToString());
        Assert.Equal(512, (HclNumber.FromLong(1) + P("3")).Precision);

        // Doubles print like Go's shortest float64 text
        Assert.Equal("1.4142135623730951", HclNumber.FromDouble(Math.Sqrt(2)).ToString());
        Assert.Equal("1152921504606847000", HclNumber.FromDouble(Math.Pow(2, 60)).ToString());

        // Equality ignores precision
        Assert.Equal(P("0.5"), HclNumber.FromDouble(0.5));
    }

    [Fact]
    public void Pow_IntegerArguments_UsesDoubleLikeCty()
    {
        Assert.True(HclNumber.TryPow(P("2"), P("10"), out var r, out _));
        Assert.Equal("1024", r.ToString());
    }
}
