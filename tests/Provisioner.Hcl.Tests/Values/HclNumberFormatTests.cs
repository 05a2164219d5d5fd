using FsCheck;
using FsCheck.Fluent;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclNumberFormatTests
{
    private static HclNumber P(string s) => HclNumber.Parse(s)!.Value;

    [Theory]
    [InlineData("3.14159", 2, "3.14")]
    [InlineData("2.5", 0, "2")]
    [InlineData("3.5", 0, "4")]
    [InlineData("0.125", 2, "0.12")]
    [InlineData("0.375", 2, "0.38")]
    [InlineData("1", 3, "1.000")]
    [InlineData("-0.001", 2, "-0.00")]
    [InlineData("999.996", 2, "1000.00")]
    [InlineData("0.1", 20, "0.10000000000000000000")]
    [InlineData("123456789", 0, "123456789")]
    [InlineData("0", 2, "0.00")]
    [InlineData("0.6", 0, "1")]
    [InlineData("0.4", 0, "0")]
    public void ToFixed_Decimals_RoundsHalfEven(string input, int decimals, string expected)
    {
        Assert.Equal(expected, P(input).ToFixed(decimals));
    }

    [Theory]
    [InlineData("1234.56", 6, "1.234560e+03")]
    [InlineData("0.00012", 2, "1.20e-04")]
    [InlineData("0", 3, "0.000e+00")]
    [InlineData("-5", 0, "-5e+00")]
    [InlineData("9.99", 1, "1.0e+01")]
    public void ToExponential_Decimals_MatchesGo(string input, int decimals, string expected)
    {
        Assert.Equal(expected, P(input).ToExponential(decimals));
    }

    [Fact]
    public void Property_FormatThenParse_RoundTrips()
    {
        Prop.ForAll<long, int>((m, e) =>
        {
            var n = HclNumber.FromDecimal(m, e % 400);
            return HclNumber.Parse(n.ToString()) == n;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_DoubleToNumber_IsExactAndBack()
    {
        Prop.ForAll<NormalFloat>(f =>
        {
            var d = f.Get;
            return HclNumber.FromDouble(d).ToDouble() == d;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_AddThenSubtractIntegers_IsIdentity()
    {
        Prop.ForAll<long, long>((a, b) =>
        {
            var x = HclNumber.FromLong(a);
            var y = HclNumber.FromLong(b);
            return (x + y - y) == x && (x + y) == (y + x);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_IntegerArithmetic_MatchesBigInteger()
    {
        Prop.ForAll<long, long>((a, b) =>
        {
            var p = HclNumber.FromLong(a) * HclNumber.FromLong(b);
            var expected = new System.Numerics.BigInteger(a) * b;
            return p.TryToBigInteger(out var got) && got == expected && p.ToString() == expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_CompareMatchesDoubleForDoubles()
    {
        Prop.ForAll<NormalFloat, NormalFloat>((a, b) =>
            Math.Sign(HclNumber.FromDouble(a.Get).CompareTo(HclNumber.FromDouble(b.Get))) == Math.Sign(a.Get.CompareTo(b.Get)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_ShortDecimalsFormatAsWritten()
    {
        Prop.ForAll<int, byte>((m, scale) =>
        {
            int s = scale % 20;
            var text = FormatDecimal(m, s);
            return P(text).ToString() == text;
        }).QuickCheckThrowOnFailure();
    }

    private static string FormatDecimal(int m, int scale)
    {
        decimal d = m;
        for (int i = 0; i < scale; i++)
        {
            d /= 10m;
        }

        var text = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text is "-0" ? "0" : text;
    }
}
