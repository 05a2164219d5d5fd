using System.Text;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>The evaluator's <see cref="StaticExpressions"/> give the same answers for native and JSON expressions.</summary>
public sealed class StaticAnalysisTests
{
    private static IHclExpression Json(string src) => HclJsonSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "e.json").Expression;

    private static IHclExpression Native(string src) => new NativeExpression(HclSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "e.hcl").Root);

    [Fact]
    public void List_OfTraversals_BothSyntaxes()
    {
        foreach (var expr in new[] { Json("[\"aws_instance.web\", \"module.m\"]"), Native("[aws_instance.web, module.m]") })
        {
            var (items, diags) = StaticExpressions.List(expr);
            Assert.Empty(diags);
            Assert.Equal(["aws_instance", "module"], items!.Select(i => StaticExpressions.AbsTraversal(i).Traversal!.RootName));
        }
    }

    [Fact]
    public void Map_BothSyntaxes()
    {
        foreach (var expr in new[] { Json("{\"aws\": \"aws.west\"}"), Native("{ aws = aws.west }") })
        {
            var (items, diags) = StaticExpressions.Map(expr);
            Assert.Empty(diags);
            var pair = Assert.Single(items!);
            Assert.Equal("aws", StaticExpressions.AsKeyword(pair.Key));
            Assert.Equal("aws", StaticExpressions.AbsTraversal(pair.Value).Traversal!.RootName);
        }
    }

    [Theory]
    [InlineData("\"all\"", "all")]
    [InlineData("\"a.b\"", null)]
    [InlineData("1", null)]
    public void AsKeyword_Json(string src, string? expected) => Assert.Equal(expected, StaticExpressions.AsKeyword(Json(src)));

    [Theory]
    [InlineData("1")]
    [InlineData("\"f(x)\"")]
    [InlineData("\"${a}\"")]
    public void AbsTraversal_NotATraversal_IsAnError(string src)
    {
        var (t, diags) = StaticExpressions.AbsTraversal(Json(src));
        Assert.Null(t);
        Assert.Equal("Invalid expression", Assert.Single(diags).Summary);
    }

    [Fact]
    public void AsTraversal_Json_PositionedFromTheQuoteAsInHcl()
    {
        var t = ((JsonExpression)Json("  \"aws_instance.web\"")).AsTraversal()!;
        Assert.Equal("e.json:1,3-19", t.Range.ToString());
        Assert.Null(((JsonExpression)Json("\"f(x)\"")).AsTraversal());
    }

    [Fact]
    public void List_NotAnArray_IsAnError()
    {
        var (items, diags) = StaticExpressions.List(Json("{}"));
        Assert.Null(items);
        Assert.Equal("A static list expression is required.", Assert.Single(diags).Detail);
    }
}
