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

    [Fact]
    public void ParseTraversalAbs_NonTraversal_ReportsError()
    {
        var (t, d) = HclSyntax.ParseTraversalAbs("f(x)"u8.ToArray(), "t", Provisioner.Hcl.Diagnostics.SourcePos.Start);
        Assert.Null(t);
        Assert.True(d.HasErrors);
        var (t2, d2) = HclSyntax.ParseTraversalAbs("a.b[\"c\"]"u8.ToArray(), "t", Provisioner.Hcl.Diagnostics.SourcePos.Start);
        Assert.False(d2.HasErrors);
        Assert.Equal("a.b[\"c\"]", t2!.ToString());
    }
}
