using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>
/// Ranges the tree finds again from the tokens or the node's span (block labels and braces, the attribute equals sign,
/// function call parentheses), and the irregular layouts (errors, spaces) that keep them explicitly.
/// </summary>
public sealed class HeaderRangeTests
{
    [Fact]
    public void LabelRanges_QuotedAndBareLabelsWithComments_IncludeQuotes()
    {
        var src = "resource /* c */ \"a\\\"b\" bare \"\" \"${x}\" {\n}\nnolabel {\n}\n";
        var result = HclSyntax.ParseConfig(src, "t.hcl");
        var block = result.Root.Body.Blocks[0];
        Assert.Equal(["t.hcl:1,18-24", "t.hcl:1,25-29", "t.hcl:1,30-32", "t.hcl:1,33-39"], block.LabelRanges.Select(r => r.ToString()));
        Assert.Equal("t.hcl:1,1-9", block.TypeRange.ToString());
        Assert.Empty(result.Root.Body.Blocks[1].LabelRanges);
    }

    [Fact]
    public void LabelRanges_ErrorFreeHeader_SameAsParserSpans()
    {
        var src = "a \"x\" y \"ü\" {\n  b = 1\n}\n";
        var block = HclSyntax.ParseConfig(src, "t.hcl").Root.Body.Blocks[0];
        Assert.Equal(["x", "y", "ü"], block.Labels);
        Assert.Equal(["t.hcl:1,3-6", "t.hcl:1,7-8", "t.hcl:1,9-12"], block.LabelRanges.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("a = 1\n", "t.hcl:1,3-4", "t.hcl:1,1-2")]
    [InlineData("long_name /* note */ = 1\n", "t.hcl:1,22-23", "t.hcl:1,1-10")]
    [InlineData("ñ=1\n", "t.hcl:1,2-3", "t.hcl:1,1-2")]
    [InlineData("b { c = 2 }\n", "t.hcl:1,7-8", "t.hcl:1,5-6")]
    public void EqualsRange_FoundAfterNameAndInlineComments(string src, string equals, string name)
    {
        var body = HclSyntax.ParseConfig(src, "t.hcl").Root.Body;
        var attr = body.Attributes.Count > 0 ? body.Attributes[0] : body.Blocks[0].Body.Attributes[0];
        Assert.Equal(equals, attr.EqualsRange.ToString());
        Assert.Equal(name, attr.NameRange.ToString());
    }

    /// <remarks>Expected ranges as the parser reported them when it stored every offset (before they were derived).</remarks>
    [Theory]
    [InlineData("b {\n}\n", "t.hcl:1,1-2,2 t.hcl:1,1-2 [] t.hcl:1,3-4 t.hcl:2,1-2 t.hcl:2,2-2")]
    [InlineData("b \"x\" y /* c */ {\n  a = 1\n}\n", "t.hcl:1,1-3,2 t.hcl:1,1-2 [t.hcl:1,3-6 t.hcl:1,7-8] t.hcl:1,17-18 t.hcl:3,1-2 t.hcl:3,2-2")]
    [InlineData("b { a = 1 }\n", "t.hcl:1,1-12 t.hcl:1,1-2 [] t.hcl:1,3-4 t.hcl:1,11-12 t.hcl:1,10-10")]
    [InlineData("b \"x\" {\n  a = 1\n", "t.hcl:1,1-3,1 t.hcl:1,1-2 [t.hcl:1,3-6] t.hcl:1,7-8 t.hcl:3,1-1 t.hcl:3,1-1")]
    [InlineData("b \"x\" = {\n}\n", "t.hcl:1,1-6 t.hcl:1,1-2 [t.hcl:1,3-6] t.hcl:1,1-2 t.hcl:1,3-6 t.hcl:1,1-1")]
    [InlineData("b \"x\"\n{\n}\n", "t.hcl:1,1-6 t.hcl:1,1-2 [t.hcl:1,3-6] t.hcl:1,1-2 t.hcl:1,3-6 t.hcl:1,1-1")]
    [InlineData("b {\n  a = 1 2\n}\n", "t.hcl:1,1-3,2 t.hcl:1,1-2 [] t.hcl:1,3-4 t.hcl:3,1-2 t.hcl:3,2-2")]
    [InlineData("b { a = 1, c = 2 }\n", "t.hcl:1,1-19 t.hcl:1,1-2 [] t.hcl:1,3-4 t.hcl:1,18-19 t.hcl:1,10-10")]
    [InlineData("b {\n  x = (\n}\n", "t.hcl:1,1-4,1 t.hcl:1,1-2 [] t.hcl:1,3-4 t.hcl:4,1-1 t.hcl:4,1-1")]
    public void BlockRanges_RegularAndErrorLayouts(string src, string expected)
    {
        var b = HclSyntax.ParseConfig(src, "t.hcl").Root.Body.Blocks[0];
        Assert.Equal(expected, $"{b.Range} {b.TypeRange} [{string.Join(" ", b.LabelRanges)}] {b.OpenBraceRange} {b.CloseBraceRange} {b.Body.EndRange}");
    }

    /// <remarks>Expected ranges as the parser reported them when it stored every offset (before they were derived).</remarks>
    [Theory]
    [InlineData("f(x)", "t.hcl:1,1-5 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:1,4-5 False")]
    [InlineData("f (x)", "t.hcl:1,1-6 t.hcl:1,1-2 t.hcl:1,3-4 t.hcl:1,5-6 False")]
    [InlineData("f( x , y... )", "t.hcl:1,1-14 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:1,13-14 True")]
    [InlineData("provider::a::f(1)", "t.hcl:1,1-18 t.hcl:1,1-15 t.hcl:1,15-16 t.hcl:1,17-18 False")]
    [InlineData("provider :: a ::f(1)", "t.hcl:1,1-21 t.hcl:1,1-18 t.hcl:1,18-19 t.hcl:1,20-21 False")]
    [InlineData("f(x", "t.hcl:1,1-4 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:1,4-4 False")]
    [InlineData("f(x y)", "t.hcl:1,1-7 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:1,6-7 False")]
    [InlineData("f(\n x,\n)", "t.hcl:1,1-3,2 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:3,1-2 False")]
    [InlineData("f(xs... , y)", "t.hcl:1,1-13 t.hcl:1,1-2 t.hcl:1,2-3 t.hcl:1,12-13 True")]
    public void FunctionCallRanges_RegularAndIrregularLayouts(string src, string expected)
    {
        var f = Assert.IsType<FunctionCallExpr>(HclSyntax.ParseExpression(System.Text.Encoding.UTF8.GetBytes(src), "t.hcl", Provisioner.Hcl.Diagnostics.SourcePos.Start).Root);
        Assert.Equal(expected, $"{f.Range} {f.NameRange} {f.OpenParenRange} {f.CloseParenRange} {f.ExpandFinal}");
    }

    /// <remarks>Expected as the parser reported them when it stored the operator's end (before it was derived).</remarks>
    [Theory]
    [InlineData("a || b", "LogicalOr t.hcl:1,3-5")]
    [InlineData("a && b", "LogicalAnd t.hcl:1,3-5")]
    [InlineData("a == b", "Equal t.hcl:1,3-5")]
    [InlineData("a != b", "NotEqual t.hcl:1,3-5")]
    [InlineData("a > b", "GreaterThan t.hcl:1,3-4")]
    [InlineData("a >= b", "GreaterThanOrEqual t.hcl:1,3-5")]
    [InlineData("a < b", "LessThan t.hcl:1,3-4")]
    [InlineData("a <= b", "LessThanOrEqual t.hcl:1,3-5")]
    [InlineData("a + b", "Add t.hcl:1,3-4")]
    [InlineData("a - b", "Subtract t.hcl:1,3-4")]
    [InlineData("a * b", "Multiply t.hcl:1,3-4")]
    [InlineData("a / b", "Divide t.hcl:1,3-4")]
    [InlineData("a % b", "Modulo t.hcl:1,3-4")]
    [InlineData("a+b*c", "Add t.hcl:1,2-3")]
    public void BinaryOperatorRange_CoversTheOperatorToken(string src, string expected)
    {
        var e = Assert.IsType<BinaryOpExpr>(HclSyntax.ParseExpression(System.Text.Encoding.UTF8.GetBytes(src), "t.hcl", Provisioner.Hcl.Diagnostics.SourcePos.Start).Root);
        Assert.Equal(expected, $"{e.Operator} {e.OperatorRange}");
    }

    /// <remarks>Expected as the parser reported them when it stored the flag (before it was derived from the key's first byte).</remarks>
    [Theory]
    [InlineData("{a = 1}", "False a ScopeTraversalExpr t.hcl:1,2-3")]
    [InlineData("{(a) = 1}", "True - ParenthesesExpr t.hcl:1,2-5")]
    [InlineData("{(a).b = 1}", "True - RelativeTraversalExpr t.hcl:1,2-7")]
    [InlineData("{(a) + 1 = 2}", "True - BinaryOpExpr t.hcl:1,2-9")]
    [InlineData("{\"a\" = 1}", "False - TemplateExpr t.hcl:1,2-5")]
    [InlineData("{a.b = 1}", "False - ScopeTraversalExpr t.hcl:1,2-5")]
    [InlineData("{ (a)= 1}", "True - ParenthesesExpr t.hcl:1,3-6")]
    public void ObjectKey_ForceNonLiteral_OnlyForParenthesisedKeys(string src, string expected)
    {
        var o = Assert.IsType<ObjectConsExpr>(HclSyntax.ParseExpression(System.Text.Encoding.UTF8.GetBytes(src), "t.hcl", Provisioner.Hcl.Diagnostics.SourcePos.Start).Root);
        var k = o.Items[0].Key;
        Assert.Equal(expected, $"{k.ForceNonLiteral} {k.LiteralName ?? "-"} {k.Wrapped.GetType().Name} {k.Range}");
    }
}
