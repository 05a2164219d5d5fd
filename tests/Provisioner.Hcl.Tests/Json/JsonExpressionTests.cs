using System.Text;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>JSON values as HCL expressions: literal-only mode, template mode, static analysis.</summary>
public sealed class JsonExpressionTests
{
    private static JsonExpression Expr(string src)
    {
        var r = HclJsonSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "e.json");
        Assert.False(r.HasErrors, r.Diagnostics.ToString());
        return r.Expression;
    }

    private static EvalContext Ctx() => new(new Dictionary<string, HclValue>
    {
        ["name"] = HclValue.String("world"),
        ["a"] = HclValue.Number(1),
        ["b"] = HclValue.Number(2),
        ["k"] = HclValue.String("key"),
        ["u"] = HclValue.DynamicVal,
    });

    private static string Eval(string src, bool withContext = true)
    {
        var r = Expr(src).Evaluate(withContext ? Ctx() : null);
        Assert.False(r.HasErrors, r.Diagnostics.ToString());
        return r.Value.ToString();
    }

    [Theory]
    [InlineData("\"Hello, ${name}!\"", "\"Hello, world!\"")]
    [InlineData("\"${a + b}\"", "3")]
    [InlineData("1.23456789012345678901234567890", "1.2345678901234567890123456789")]
    [InlineData("[1, \"${a}\", true, null]", "[1, 1, true, null]")]
    [InlineData("{\"x\": 1, \"${k}\": \"${name}\"}", "{ key = \"world\", x = 1 }")]
    [InlineData("{\"${u}\": 1}", "(known after apply)")]
    [InlineData("null", "null")]
    [InlineData("\"%{ if a == 1 }one%{ else }other%{ endif }\"", "\"one\"")]
    public void Evaluate_ExpressionMode(string src, string expected) => Assert.Equal(expected, Eval(src));

    [Theory]
    [InlineData("\"Hello, ${name}!\"", "\"Hello, $${name}!\"")]
    [InlineData("{\"${k}\": \"${a}\"}", "{ \"$${k}\" = \"$${a}\" }")]
    [InlineData("12.50", "12.5")]
    public void Evaluate_LiteralOnlyMode(string src, string expected) => Assert.Equal(expected, Eval(src, withContext: false));

    [Theory]
    [InlineData("\"$${name}\"", true, "${name}")]
    [InlineData("\"$${name}\"", false, "$${name}")]
    [InlineData("\"\\u0024{name}\"", false, "${name}")]
    public void Evaluate_StringValue(string src, bool withContext, string expected) =>
        Assert.Equal(expected, Expr(src).Evaluate(withContext ? Ctx() : null).Value.AsString());

    [Fact]
    public void Evaluate_DuplicateKeyAfterTemplating_IsAnError()
    {
        var r = Expr("{\"key\": 1, \"${k}\": 2}").Evaluate(Ctx());
        Assert.Equal("Duplicate object attribute", Assert.Single(r.Diagnostics).Summary);
        Assert.Equal("e.json:1,12-18", r.Diagnostics[0].Subject.ToString());
    }

    [Fact]
    public void Evaluate_NullKey_IsAnError()
    {
        var r = Expr("{\"${null}\": 1}").Evaluate(Ctx());
        Assert.Equal("Invalid object key expression", Assert.Single(r.Diagnostics).Summary);
    }

    [Fact]
    public void Evaluate_TemplateSyntaxError_PositionedInsideTheString()
    {
        var r = Expr("{\n  \"x\": \"${a +}\"\n}").Evaluate(Ctx());
        Assert.True(r.HasErrors);
        var d = r.Diagnostics.First(x => x.IsError);
        Assert.Equal(2, d.Subject!.Value.Start.Line);
        Assert.True(d.Subject!.Value.Start.Column > 8, d.Subject.ToString());
    }

    [Fact]
    public void Evaluate_UnknownVariable_IsAnError()
    {
        var r = Expr("\"${nope}\"").Evaluate(Ctx());
        Assert.True(r.HasErrors);
    }

    [Fact]
    public void Variables_FromStringsKeysAndNesting()
    {
        var vars = Expr("{\"${k}\": [\"${var.a}-${local.b}\", 1, {\"x\": \"${c.d[0]}\"}], \"plain\": \"no ${\"}").Variables();
        Assert.Equal(["k", "var", "local", "c"], vars.Select(v => v.RootName));
    }

    [Fact]
    public void ToNativeSyntax_StringIsAnExpression()
    {
        var native = Expr("\"aws_instance.web[0].id\"").ToNativeSyntax();
        var t = Assert.IsType<Provisioner.Hcl.Syntax.ScopeTraversalExpr>(native);
        Assert.Equal("aws_instance", t.Traversal.RootName);
        Assert.Equal("e.json:1,1-23", t.Range.ToString()); // HCL starts at the quote
        Assert.Null(Expr("[1]").ToNativeSyntax());
    }

    [Fact]
    public void AsListAndAsMap_StaticAnalysis()
    {
        Assert.Equal(2, Expr("[1, \"x\"]").AsList()!.Count);
        Assert.Null(Expr("{}").AsList());
        var map = Expr("{\"a\": 1, \"a\": 2}").AsMap()!;
        Assert.Equal(2, map.Count);
        Assert.Equal("\"a\"", map[0].Key.Evaluate(null).Value.ToString());
    }

    [Fact]
    public void Ranges_StartRangeIsOpeningBracket()
    {
        var e = Expr("  [1, 2]");
        Assert.Equal("e.json:1,3-9", e.Range.ToString());
        Assert.Equal("e.json:1,3-4", e.StartRange.ToString());
    }
}
