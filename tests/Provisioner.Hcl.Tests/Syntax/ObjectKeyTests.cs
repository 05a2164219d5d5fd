using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Object constructor keys: bare names keep only the name until <c>Wrapped</c> is read.</summary>
public sealed class ObjectKeyTests
{
    private static IReadOnlyList<ObjectConsItem> Items(string src)
    {
        var result = HclSyntax.ParseExpression(src, "t.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        return Assert.IsType<ObjectConsExpr>(result.Root).Items;
    }

    [Fact]
    public void Key_BareName_LiteralNameAndLazyTraversal()
    {
        var key = Items("{ name /* c */ = 1, other: 2 }")[0].Key;
        Assert.Equal("name", key.LiteralName);
        Assert.Empty(key.ChildNodes());
        Assert.Equal("t.hcl:1,3-7", key.Range.ToString());
        var wrapped = Assert.IsType<ScopeTraversalExpr>(key.Wrapped);
        Assert.Same(wrapped, key.Wrapped);
        Assert.Equal("name", wrapped.RootName);
        Assert.Empty(wrapped.Steps);
        Assert.Equal(key.Range, wrapped.Range);
        Assert.Equal("other", Items("{ name = 1, other: 2 }")[1].Key.LiteralName);
    }

    [Theory]
    [InlineData("{ true = 1 }", typeof(LiteralValueExpr), null)]
    [InlineData("{ (a) = 1 }", typeof(ParenthesesExpr), null)]
    [InlineData("{ a.b = 1 }", typeof(ScopeTraversalExpr), null)]
    [InlineData("{ \"q\" = 1 }", typeof(TemplateExpr), null)]
    [InlineData("{ a\n= 1 }", null, null)]
    public void Key_OtherForms_ParsedAsExpressions(string src, Type? wrappedType, string? literal)
    {
        var result = HclSyntax.ParseExpression(src, "t.hcl");
        if (wrappedType == null)
        {
            Assert.True(result.Diagnostics.HasErrors);
            return;
        }
        var key = Assert.IsType<ObjectConsExpr>(result.Root).Items[0].Key;
        Assert.IsType(wrappedType, key.Wrapped);
        Assert.Equal(literal, key.LiteralName);
    }
}
