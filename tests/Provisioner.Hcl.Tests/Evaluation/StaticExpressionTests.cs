using Provisioner.Hcl.Evaluation;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class StaticExpressionTests
{
    private static NativeExpression N(string src) => new(Parse(src));

    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("(foo)", "foo")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("foo.bar", null)]
    [InlineData("\"foo\"", null)]
    [InlineData("1", null)]
    public void Keywords(string src, string? expected) => Assert.Equal(expected, StaticExpressions.AsKeyword(N(src)));

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a.b[0][\"c\"]", "a.b[0][\"c\"]")]
    [InlineData("aws_instance.web.0.id", "aws_instance.web[0].id")]
    [InlineData("(a.b)", "a.b")]
    public void Traversals(string src, string expected)
    {
        var (t, diags) = StaticExpressions.AbsTraversal(N(src));
        Assert.Empty(diags);
        Assert.Equal(expected, t!.ToString());
    }

    [Theory]
    [InlineData("a[b]")]
    [InlineData("f(x)")]
    [InlineData("\"a\"")]
    [InlineData("a + 1")]
    public void NonTraversals(string src)
    {
        var (t, diags) = StaticExpressions.AbsTraversal(N(src));
        Assert.Null(t);
        Assert.Equal("Invalid expression", Assert.Single(diags).Summary);
    }

    [Fact]
    public void ListsMapsAndCalls()
    {
        var (items, d1) = StaticExpressions.List(N("[a, b.c, 1]"));
        Assert.Empty(d1);
        Assert.Equal(3, items!.Count);
        Assert.Equal("b.c", StaticExpressions.AbsTraversal(items[1]).Traversal!.ToString());

        var (pairs, d2) = StaticExpressions.Map(N("{ a = 1, \"b\" = x }"));
        Assert.Empty(d2);
        Assert.Equal("a", StaticExpressions.AsKeyword(pairs![0].Key));
        Assert.Equal("x", StaticExpressions.AsKeyword(pairs[1].Value));

        var (call, d3) = StaticExpressions.Call(N("list(string, 2)"));
        Assert.Empty(d3);
        Assert.Equal("list", call!.Name);
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal("1:5-1:16", BodySchemaTests.Span(call.ArgsRange));

        Assert.Equal("A static list expression is required.", Assert.Single(StaticExpressions.List(N("x")).Diagnostics).Detail);
        Assert.Equal("A static map expression is required.", Assert.Single(StaticExpressions.Map(N("[]")).Diagnostics).Detail);
        Assert.Equal("A static function call is required.", Assert.Single(StaticExpressions.Call(N("x")).Diagnostics).Detail);
    }

    [Fact]
    public void StaticExpressionEvaluatesToItsValue()
    {
        var e = new StaticExpression(Provisioner.Hcl.Values.HclValue.Number(3), default);
        var r = e.Evaluate(null);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("3", Render(r.Value));
        Assert.Empty(e.Variables());
    }
}
