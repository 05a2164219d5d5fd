using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class OperatorTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1 + 2", "3")]
    [InlineData("5 - 7", "-2")]
    [InlineData("2 * 3", "6")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("11 % 5.1", "0.80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024")]
    [InlineData("3.14159265358979323846264338327950288419716939937510582097494459 + 1", "4.14159265358979323846264338327950288419716939937510582097494459")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("24 / 4 / 2", "3")]
    [InlineData("2 * 3 % 4", "2")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("- -2", "2")]
    [InlineData("1 / 0", "+Inf")]
    [InlineData("-1 / 0", "-Inf")]
    [InlineData("5 % 0", "5")]
    [InlineData("\"3\" + 4", "7")]
    [InlineData("strnum * 2", "14")]
    [InlineData("1 < 2", "true")]
    [InlineData("2 <= 2", "true")]
    [InlineData("3 > 4", "false")]
    [InlineData("4 >= 5", "false")]
    [InlineData("\"10\" > 9", "true")]
    [InlineData("1 == 1", "true")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("\"1\" == 1", "false")]
    [InlineData("1 != 2", "true")]
    [InlineData("\"a\" == \"a\"", "true")]
    [InlineData("[1, 2] == [1, 2]", "true")]
    [InlineData("{a = 1} == {a = 1}", "true")]
    [InlineData("{a = 1} != {a = 2}", "true")]
    [InlineData("null == null", "true")]
    [InlineData("nulstr == null", "true")]
    [InlineData("str == null", "false")]
    [InlineData("true && false", "false")]
    [InlineData("true || false", "true")]
    [InlineData("!true", "false")]
    [InlineData("!false && true", "true")]
    [InlineData("false || false || true", "true")]
    [InlineData("true || false && false", "true")]
    [InlineData("1 + 1 == 2 && 3 > 2", "true")]
    [InlineData("1 < 2 == true", "true")]
    [InlineData("\"true\" && true", "true")]
    [InlineData("unknum + 1", "unknown(number)")]
    [InlineData("unk + 1", "unknown(number)")]
    [InlineData("unknum == 1", "unknown(bool)")]
    [InlineData("unk == null", "unknown(bool)")]
    [InlineData("unknum > 1", "unknown(bool)")]
    [InlineData("-unknum", "unknown(number)")]
    [InlineData("!unkbool", "unknown(bool)")]
    [InlineData("unkbool && false", "false")]
    [InlineData("false && unkbool", "false")]
    [InlineData("true || unkbool", "true")]
    [InlineData("unkbool || true", "true")]
    [InlineData("unkbool && true", "unknown(bool)")]
    [InlineData("secretnum + 1", "sensitive(6)")]
    [InlineData("1 + secretnum", "sensitive(6)")]
    [InlineData("-secretnum", "sensitive(-5)")]
    [InlineData("secretnum == 5", "sensitive(true)")]
    [InlineData("secretlist == []", "sensitive(false)")]
    [InlineData("listofsecret == [\"p\", \"q\"]", "sensitive(true)")]
    [InlineData("secretbool && true", "sensitive(true)")]
    [InlineData("!secretbool", "sensitive(false)")]
    [InlineData("secretnum > 3", "sensitive(true)")]
    public void Evaluates(string src, string expected) => Assert.Equal(expected, Ok(src));

    [Theory]
    [InlineData("\"a\" + 1", "Invalid operand; Unsuitable value for left operand: a number is required. @ 1:1-1:4")]
    [InlineData("1 + \"a\"", "Invalid operand; Unsuitable value for right operand: a number is required. @ 1:5-1:8")]
    [InlineData("true + 1", "Invalid operand; Unsuitable value for left operand: number required. @ 1:1-1:5")]
    [InlineData("1 && true", "Invalid operand; Unsuitable value for left operand: bool required. @ 1:1-1:2")]
    [InlineData("-\"x\"", "Invalid operand; Unsuitable value for unary operand: a number is required. @ 1:2-1:5")]
    [InlineData("!1", "Invalid operand; Unsuitable value for unary operand: bool required. @ 1:2-1:3")]
    [InlineData("[] < 1", "Invalid operand; Unsuitable value for left operand: number required. @ 1:1-1:3")]
    [InlineData("null + 1", "Operation failed; Error during operation: argument must not be null. @ 1:1-1:9")]
    [InlineData("0 / 0", "Operation failed; Error during operation: can't divide zero by zero or infinity by infinity. @ 1:1-1:6")]
    public void ReportsOperandErrors(string src, string expected)
    {
        var r = Eval(src);
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void OperandErrorsGiveUnknownOfResultType()
    {
        var r = Eval("\"a\" + 1");
        Assert.Equal("unknown(number)", Render(r.Value));
        r = Eval("1 && true");
        Assert.Equal("unknown(bool)", Render(r.Value));
    }

    [Fact]
    public void OperandErrorContextIsWholeExpression()
    {
        var r = Eval("1 + \"a\"");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(1, d.Context!.Value.Start.Column);
        Assert.Equal(8, d.Context.Value.End.Column);
    }

    [Fact]
    public void LongChainsDoNotOverflow()
    {
        var src = string.Join(" + ", Enumerable.Repeat("1", 20000));
        Assert.Equal("20000", Ok(src));
    }

    [Fact]
    public void ErrorInLeftOperandStopsChain()
    {
        var r = Eval("nope + 1 + 2");
        Assert.Equal("Unknown variable; There is no variable named \"nope\". @ 1:1-1:5", DescribeAll(r.Diagnostics));
        Assert.Equal("unknown(number)", Render(r.Value));
    }
}
