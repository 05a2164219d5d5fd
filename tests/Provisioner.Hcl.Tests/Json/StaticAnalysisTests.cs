using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Json;

/// <summary><see cref="StaticAnalysis"/> gives the same answers for native and JSON expressions.</summary>
public sealed class StaticAnalysisTests
{
    private static IHclExpression Json(string src) => HclJsonSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "e.json").Expression;

    private static IHclExpression Native(string src) => new NativeExpression(HclSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "e.hcl").Root);

    [Fact]
    public void List_OfTraversals_BothSyntaxes()
    {
        foreach (var expr in new[] { Json("[\"aws_instance.web\", \"module.m\"]"), Native("[aws_instance.web, module.m]") })
        {
            var diags = new DiagnosticList();
            var items = StaticAnalysis.List(expr, diags)!;
            Assert.Empty(diags);
            Assert.Equal(["aws_instance", "module"], items.Select(i => StaticAnalysis.AbsTraversal(i, diags)!.RootName));
            Assert.Empty(diags);
        }
    }

    [Fact]
    public void Map_BothSyntaxes()
    {
        foreach (var expr in new[] { Json("{\"aws\": \"aws.west\"}"), Native("{ aws = aws.west }") })
        {
            var diags = new DiagnosticList();
            var pair = Assert.Single(StaticAnalysis.Map(expr, diags)!);
            Assert.Equal("aws", StaticAnalysis.AsKeyword(pair.Key));
            Assert.Equal("aws", StaticAnalysis.AbsTraversal(pair.Value, diags)!.RootName);
        }
    }

    [Theory]
    [InlineData("\"all\"", "all")]
    [InlineData("\"a.b\"", null)]
    [InlineData("1", null)]
    public void AsKeyword_Json(string src, string? expected) => Assert.Equal(expected, StaticAnalysis.AsKeyword(Json(src)));

    [Theory]
    [InlineData("1")]
    [InlineData("\"f(x)\"")]
    [InlineData("\"${a}\"")]
    public void AbsTraversal_NotATraversal_IsAnError(string src)
    {
        var diags = new DiagnosticList();
        Assert.Null(StaticAnalysis.AbsTraversal(Json(src), diags));
        Assert.Equal("Invalid expression", Assert.Single(diags).Summary);
    }

    [Fact]
    public void AbsTraversal_Json_PositionedFromTheQuoteAsInHcl()
    {
        var diags = new DiagnosticList();
        var t = StaticAnalysis.AbsTraversal(Json("  \"aws_instance.web\""), diags)!;
        Assert.Empty(diags);
        Assert.Equal("e.json:1,3-19", t.Range.ToString());
    }

    [Fact]
    public void List_NotAnArray_IsAnError()
    {
        var diags = new DiagnosticList();
        Assert.Null(StaticAnalysis.List(Json("{}"), diags));
        Assert.Equal("A static list expression is required.", Assert.Single(diags).Detail);
    }
}
