using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Traversal steps the parser defers and later builds from the tokens match the eagerly built ones.</summary>
public sealed class DeferredStepsTests
{
    private static string Describe(TraversalStep step) => step switch
    {
        TraverseAttr a => $"attr {a.Name} {a.Range}",
        TraverseIndex i => $"index {i.KeyKind} {i.KeyText} legacy={i.IsLegacyDotIndex} {i.Range}",
        _ => step.GetType().Name,
    };

    [Theory]
    [InlineData("a")]
    [InlineData("var.name")]
    [InlineData("local.m[\"k\"]")]
    [InlineData("local.m[\"\"]")]
    [InlineData("local.m[\"ü-ß\"].x")]
    [InlineData("local.l[12].b[1.5]")]
    [InlineData("a [ 0 ] . b")]
    [InlineData("ñame.välue[\"x\"]")]
    public void Steps_PlainForms_MatchTraversalParser(string text)
    {
        var expr = Assert.IsType<ScopeTraversalExpr>(HclSyntax.ParseExpression(text, "t.hcl").Root);
        var (expected, diags) = HclSyntax.ParseTraversalAbs(text, "t.hcl");
        Assert.False(diags.HasErrors);
        Assert.Equal(expected!.Steps.Select(Describe), expr.Steps.Select(Describe));
        Assert.Same(expr.Steps, expr.Steps);
        Assert.Equal(expected.Range, expr.Traversal.Range);
    }

    [Fact]
    public void Steps_WithTriviaInsideParentheses_AreBuiltFromTokens()
    {
        var src = "x = (a /* c */ .\n b [ # note\n \"k\" ]\n .c)\n";
        var result = HclSyntax.ParseConfig(src, "t.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        var paren = Assert.IsType<ParenthesesExpr>(result.Root.Body.GetAttribute("x")!.Expression);
        var trav = Assert.IsType<ScopeTraversalExpr>(paren.Expression);
        Assert.Equal(["attr b t.hcl:1,16-2,3", "index String k legacy=False t.hcl:2,4-3,7", "attr c t.hcl:4,2-4"], trav.Steps.Select(Describe));
    }

    [Theory]
    [InlineData("a.b[\"x${y}\"].c", "attr b")]
    [InlineData("a.b[\"esc\\n\"].c", "attr b|index String esc\n legacy=False|attr c")]
    [InlineData("a.b[true].c", "attr b|index Bool true legacy=False|attr c")]
    [InlineData("a.b[\"k\"][<<EOT\nh\nEOT\n].c", "attr b|index String k legacy=False|index String h\n legacy=False|attr c")]
    [InlineData("aws_instance.web.0.id", "attr web|index Number 0 legacy=True|attr id")]
    [InlineData("a[-1]", "")]
    [InlineData("a[b].c", "")]
    public void Steps_MixedForms_KeepOrderAndValues(string text, string expected)
    {
        var root = HclSyntax.ParseExpression(text, "t.hcl").Root;
        var trav = root.DescendantNodesAndSelf().OfType<ScopeTraversalExpr>().First();
        Assert.Equal(expected, string.Join("|", trav.Steps.Select(s => Describe(s)[..Describe(s).LastIndexOf(' ')])));
    }

    [Theory]
    [InlineData("a", "a", 0)]
    [InlineData("var.x", "var", 1)]
    [InlineData("my-name_2[0]", "my-name_2", 1)]
    [InlineData("ñame.x", "ñame", 1)]
    [InlineData("aé.b", "aé", 1)]
    [InlineData("日本.b[\"k\"]", "日本", 2)]
    public void RootName_ReadFromTheSource_AsciiAndUnicodeIdentifiers(string src, string root, int steps)
    {
        var e = Assert.IsType<ScopeTraversalExpr>(HclSyntax.ParseExpression(System.Text.Encoding.UTF8.GetBytes(src), "t.hcl", Provisioner.Hcl.Diagnostics.SourcePos.Start).Root);
        Assert.Equal(root, e.RootName);
        Assert.Equal(root, e.Traversal.RootName);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(root), e.Traversal.Root.EndOffset);
        Assert.Equal(steps, e.Steps.Count);
    }
}
