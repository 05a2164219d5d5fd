using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Plain quoted strings build their literal part on first read, with the same text and range as before.</summary>
public sealed class DeferredStringTests
{
    [Theory]
    [InlineData("\"text\"", "text", "t.hcl:1,2-6")]
    [InlineData("\"\"", "", "t.hcl:1,2-2")]
    [InlineData("\"ünïcode ✓\"", "ünïcode ✓", "t.hcl:1,2-11")]
    [InlineData("\"a\\nb\"", "a\nb", "t.hcl:1,2-6")]
    [InlineData("\"$${x}\"", "${x}", "t.hcl:1,2-7")]
    public void Parts_QuotedString_SingleDecodedLiteral(string src, string text, string range)
    {
        var t = Assert.IsType<TemplateExpr>(HclSyntax.ParseExpression(src, "t.hcl").Root);
        Assert.True(t.IsStringLiteral);
        Assert.Empty(t.Variables());
        var lit = Assert.IsType<LiteralValueExpr>(Assert.Single(t.Parts));
        Assert.Same(lit, t.Parts[0]);
        Assert.Equal(LiteralValueKind.String, lit.Kind);
        Assert.Equal(text, lit.Text);
        Assert.Equal(range, lit.Range.ToString());
        Assert.Equal([lit], t.ChildNodes());
    }

    [Fact]
    public void Parts_ObjectKeyAndTupleItems_AreBuiltOnDemand()
    {
        var result = HclSyntax.ParseConfig("x = { \"k\" = [\"a\", \"b\"] }\n", "t.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        var obj = Assert.IsType<ObjectConsExpr>(result.Root.Body.GetAttribute("x")!.Expression);
        var item = Assert.Single(obj.Items);
        var key = Assert.IsType<TemplateExpr>(item.Key.Wrapped);
        Assert.Equal("k", ((LiteralValueExpr)key.Parts[0]).Text);
        var tuple = Assert.IsType<TupleConsExpr>(item.Value);
        Assert.Equal(["a", "b"], tuple.Items.Select(e => ((LiteralValueExpr)((TemplateExpr)e).Parts[0]).Text));
    }
}
