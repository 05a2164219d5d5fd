using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("3.14e-2", "3.14e-2")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("a || b || c", "(|| (|| a b) c)")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a && b == c", "(&& a (== b c))")]
    [InlineData("a == b != c", "(!= (== a b) c)")]
    [InlineData("a == b < c", "(== a (< b c))")]
    [InlineData("a < b + c", "(< a (+ b c))")]
    [InlineData("a >= b", "(>= a b)")]
    [InlineData("a <= b", "(<= a b)")]
    [InlineData("a > b", "(> a b)")]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a * b / c % d", "(% (/ (* a b) c) d)")]
    [InlineData("-a * b", "(* (neg a) b)")]
    [InlineData("-46+5", "(+ (neg 46) 5)")]
    [InlineData("!a && b", "(&& (not a) b)")]
    [InlineData("!a.b[0]", "(not a.b[0])")]
    [InlineData("- -1", "(neg (neg 1))")]
    [InlineData("(a + b) * c", "(* (paren (+ a b)) c)")]
    [InlineData("a ? b : c ? d : e", "(? a b (? c d e))")]
    [InlineData("a || b ? c + 1 : d", "(? (|| a b) (+ c 1) d)")]
    [InlineData("f(1, 2)", "(call f 1 2)")]
    [InlineData("f()", "(call f)")]
    [InlineData("f(xs...)", "(call f xs ...)")]
    [InlineData("f(\n1,\n2,\n)", "(call f 1 2)")]
    [InlineData("provider::aws::arn_parse(x)", "(call provider::aws::arn_parse x)")]
    [InlineData("provider :: aws ::/* c */arn_parse(x)", "(call provider::aws::arn_parse x)")]
    [InlineData("[1, 2, 3,]", "[1 2 3]")]
    [InlineData("[]", "[]")]
    [InlineData("{a = 1, b: 2}", "{a=1 b=2}")]
    [InlineData("{\n a = 1\n b = 2\n}", "{a=1 b=2}")]
    [InlineData("{(a) = 1}", "{(key force (paren a))=1}")]
    [InlineData("{\"a\" = 1}", "{(key (tmpl \"a\"))=1}")]
    [InlineData("{a.b = 1}", "{(key a.b)=1}")]
    [InlineData("[for x in xs : x * 2]", "(for x xs (* x 2))")]
    [InlineData("[for i, x in xs : x if i > 0]", "(for i,x xs x if (> i 0))")]
    [InlineData("{for k, v in m : k => v}", "(for k,v m k => v)")]
    [InlineData("{for k, v in m : v => k...}", "(for k,v m v => k ...)")]
    [InlineData("{for k, v in m : k => v if v != null}", "(for k,v m k => v if (!= v null))")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a[0][\"k\"]", "a[0][\"k\"]")]
    [InlineData("a.0.b", "a[0].b")]
    [InlineData("a[b]", "(index a b)")]
    [InlineData("a[b].c", "(rel (index a b) .c)")]
    [InlineData("f(x).y[1]", "(rel (call f x) .y[1])")]
    [InlineData("a[*].b", "(splat a (rel % .b))")]
    [InlineData("a[*].b[0].c", "(splat a (rel % .b[0].c))")]
    [InlineData("a[*]", "(splat a %)")]
    [InlineData("a.*.b.c", "(splat-attr a (rel % .b.c))")]
    [InlineData("a.*.b[0]", "(rel (splat-attr a (rel % .b)) [0])")]
    [InlineData("a.*", "(splat-attr a %)")]
    [InlineData("\"x\"", "(tmpl \"x\")")]
    [InlineData("\"\"", "(tmpl \"\")")]
    [InlineData("\"${a}\"", "(wrap a)")]
    [InlineData("\"a${b}c\"", "(tmpl \"a\" b \"c\")")]
    public void ParseExpression_ValidInput_HasExpectedShape(string src, string expected)
    {
        var r = Expr(src);
        Assert.False(r.HasErrors, Diags(r));
        Assert.Equal(expected, Sx(r.Root));
    }

    [Fact]
    public void ParseExpression_Literal_RangeCoversToken()
    {
        var r = Expr("  12.5 ");
        Assert.Equal("test.hcl:1,3-7", r.Root.Range.ToString());
        Assert.Equal("12.5", r.Root.GetSourceText());
    }

    [Fact]
    public void ParseExpression_FunctionCall_RecordsParenRanges()
    {
        var r = Expr("ns::f(a, b)");
        var call = Assert.IsType<Provisioner.Hcl.Syntax.FunctionCallExpr>(r.Root);
        Assert.Equal("test.hcl:1,1-6", call.NameRange.ToString());
        Assert.Equal("test.hcl:1,6-7", call.OpenParenRange.ToString());
        Assert.Equal("test.hcl:1,11-12", call.CloseParenRange.ToString());
        Assert.Equal("test.hcl:1,1-12", call.Range.ToString());
    }

    [Fact]
    public void ParseExpression_ObjectKeys_DistinguishLiteralFromEvaluated()
    {
        var r = Expr("{ a = 1, (b) = 2, \"c\" = 3 }");
        var obj = Assert.IsType<Provisioner.Hcl.Syntax.ObjectConsExpr>(r.Root);
        Assert.Equal("a", obj.Items[0].Key.LiteralName);
        Assert.True(obj.Items[1].Key.ForceNonLiteral);
        Assert.Null(obj.Items[1].Key.LiteralName);
        Assert.Null(obj.Items[2].Key.LiteralName);
    }

    [Fact]
    public void ParseExpression_Splat_EachAppliesToItem()
    {
        var r = Expr("a[*].b");
        var splat = Assert.IsType<Provisioner.Hcl.Syntax.SplatExpr>(r.Root);
        var each = Assert.IsType<Provisioner.Hcl.Syntax.RelativeTraversalExpr>(splat.Each);
        Assert.Same(splat.Item, each.Source);
        Assert.False(splat.AttrOnly);
        Assert.Equal("test.hcl:1,2-5", splat.MarkerRange.ToString());
    }
}
