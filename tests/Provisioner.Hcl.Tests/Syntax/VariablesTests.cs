using Provisioner.Hcl.Syntax;
using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class VariablesTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("var.x + local.y[0]", "var.x local.y[0]")]
    [InlineData("f(a.b, \"${c}\")", "a.b c")]
    [InlineData("[for x in xs : x.id if y]", "xs y")]
    [InlineData("{for k, v in m : k => v + z}", "m z")]
    [InlineData("[for x in x : x]", "x")]
    [InlineData("a[*].b", "a")]
    [InlineData("a[b.c]", "a b.c")]
    [InlineData("\"%{for v in vs}${v}${w}%{endfor}\"", "vs w")]
    [InlineData("{ k = v }", "v")]
    [InlineData("{ (k) = v }", "k v")]
    [InlineData("1 + 2", "")]
    public void Variables_Expression_ListsAbsoluteTraversals(string src, string expected)
    {
        var r = Expr(src);
        Assert.False(r.HasErrors, Diags(r));
        Assert.Equal(expected, string.Join(" ", r.Root.Variables().Select(t => t.ToString())));
    }

    [Fact]
    public void Variables_Traversal_HasStepRanges()
    {
        var r = Expr("aws_instance.web[0].id");
        var t = Assert.Single(r.Root.Variables());
        Assert.Equal("aws_instance", t.RootName);
        Assert.Equal(3, t.Steps.Count);
        var idx = Assert.IsType<TraverseIndex>(t.Steps[1]);
        Assert.Equal(IndexKeyKind.Number, idx.KeyKind);
        Assert.Equal("0", idx.KeyText);
        Assert.Equal("test.hcl:1,17-20", idx.Range.ToString());
        Assert.Equal("test.hcl:1,1-23", t.Range.ToString());
    }

    [Theory]
    [InlineData("a", "a", "")]
    [InlineData("aws_instance.web[0].id", "aws_instance.web[0].id", "")]
    [InlineData("module.m[\"k\"].out", "module.m[\"k\"].out", "")]
    [InlineData("f(x)", "f", "1:2-1:3: Invalid character")]
    [InlineData("a.*.b", "a", "1:3-1:4: Attribute name required")]
    [InlineData("a[*]", "a", "1:3-1:4: Attribute name required")]
    [InlineData("a[b]", "a", "1:3-1:4: Index value required")]
    [InlineData("a[1", "a[1]", "1:4-1:4: Unclosed index brackets")]
    [InlineData("1.a", null, "1:1-1:2: Variable name required")]
    public void ParseTraversalAbs_Input_MatchesHcl(string src, string? expected, string diags)
    {
        var (t, d) = HclSyntax.ParseTraversalAbs(src, "test.hcl");
        Assert.Equal(expected, t?.ToString());
        Assert.Equal(diags, string.Join("\n", d.Select(Describe)));
    }
}
