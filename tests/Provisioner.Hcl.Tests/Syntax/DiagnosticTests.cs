using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("= 1\n", "1:1-1:2: Argument or block definition required")]
    [InlineData("a\n", "1:1-1:2: Argument or block definition required")]
    [InlineData("\"a\" = 1\n", "1:1-1:2: Invalid argument name")]
    [InlineData("a = 1 b = 2\n", "1:7-1:8: Missing newline after argument")]
    [InlineData("a = 1, b = 2\n", "1:6-1:7: Unexpected comma after argument")]
    [InlineData("a { b = 1, c = 2 }\n", "1:10-1:11: Invalid single-argument block definition")]
    [InlineData("a = \n", "1:5-2:1: Invalid expression")]
    [InlineData("a = ", "1:5-1:5: Missing expression")]
    [InlineData("a = { b }\n", "1:9-1:10: Missing key/value separator")]
    [InlineData("a = { b\n}\n", "1:8-2:1: Missing attribute value")]
    [InlineData("a = \"x\n", "1:7-2:1: Invalid multi-line string\n1:7-2:1: Unterminated template string")]
    [InlineData("a = \"\\y\"\n", "1:6-1:8: Invalid escape sequence")]
    [InlineData("a = 1 @\n", "1:7-1:8: Invalid character\n1:7-1:8: Missing newline after argument")]
    [InlineData("a = “x”\n", "1:5-1:6: Invalid character\n1:7-1:8: Invalid character\n1:5-1:6: Invalid expression")]
    [InlineData("a = b\n=\n", "2:1-2:2: Argument or block definition required")]
    [InlineData("a \"b\" = 1\n", "1:7-1:8: Invalid block definition")]
    [InlineData("a \"b\"\n{}\n", "1:6-2:1: Invalid block definition")]
    [InlineData("a 1 {}\n", "1:1-1:2: Argument or block definition required")]
    [InlineData("a b = {}\n", "1:5-1:6: Invalid block definition")]
    [InlineData("a \"${b}\" {}\n", "1:4-1:6: Invalid string literal")]
    [InlineData("a {} b = 1\n", "1:6-1:7: Missing newline after block definition")]
    [InlineData("a {\n", "1:3-1:4: Unclosed configuration block")]
    [InlineData("a = 1\na = 2\n", "2:1-2:2: Attribute redefined")]
    [InlineData("a = f(1 2)\n", "1:9-1:10: Missing argument separator")]
    [InlineData("a = f(1\n", "1:5-1:7: Unterminated function call")]
    [InlineData("a = [1 2]\n", "1:8-1:9: Missing item separator")]
    [InlineData("a = (1\n", "2:1-2:1: Unbalanced parentheses")]
    [InlineData("a = x ? 1\n", "1:10-2:1: Missing false expression in conditional")]
    [InlineData("a = x.\n", "1:7-2:1: Invalid attribute name")]
    [InlineData("a = x.0.1\n", "1:7-1:10: Invalid legacy index syntax")]
    [InlineData("a = [for x : x]\n", "1:12-1:13: Invalid 'for' expression")]
    [InlineData("a = {for x in y : x}\n", "1:19-1:20: Invalid 'for' expression")]
    [InlineData("a = [for x in y : x => x]\n", "1:19-1:20: Invalid 'for' expression")]
    [InlineData("a = ns::(x)\n", "1:9-1:10: Missing function name")]
    [InlineData("a = x[*.b\n", "1:8-1:9: Missing close bracket on splat index")]
    [InlineData("a = 1 ** 2\n", "1:7-1:9: Unsupported operator\n1:7-1:9: Missing newline after argument")]
    [InlineData("a = 1 & 2\n", "1:7-1:8: Unsupported operator\n1:7-1:8: Missing newline after argument")]
    public void ParseConfig_SyntaxError_ReportsHclSummaryAndRange(string src, string expected) => Assert.Equal(expected, Diags(Config(src)));

    [Fact]
    public void ParseConfig_AttributeRedefined_MentionsPreviousDefinition()
    {
        var d = Config("a = 1\na = 2\n").Diagnostics.Single();
        Assert.Equal("The argument \"a\" was already set at test.hcl:1,1-2. Each argument may be set only once.", d.Detail);
    }

    [Fact]
    public void ParseExpression_TrailingTokens_ReportsExtraCharacters()
    {
        Assert.Equal("1:3-1:4: Extra characters after expression", Diags(Expr("a b")));
        Assert.Equal("", Diags(Expr("a\n+\nb\n")));
    }

    [Fact]
    public void ParseConfig_SyntaxError_StillReturnsBestEffortTree()
    {
        var r = Config("a = 1\nb = (\nc { d = 2 }\n");
        Assert.True(r.HasErrors);
        Assert.Equal("a", r.Root.Body.Attributes[0].Name);
        Assert.Equal("b", r.Root.Body.Attributes[1].Name);
    }

    [Fact]
    public void StaticExpr_Helpers_InterpretReferencesAndKeywords()
    {
        var diags = new DiagnosticList();
        var list = StaticExpr.List(Expr("[aws_instance.web, (module.x)]").Root, diags)!;
        Assert.Equal("aws_instance.web", StaticExpr.AbsTraversal(list[0], diags)!.ToString());
        Assert.Equal("module.x", StaticExpr.AbsTraversal(list[1], diags)!.ToString());
        Assert.Equal("all", StaticExpr.AsKeyword(Expr("all").Root));
        Assert.Null(StaticExpr.AsKeyword(Expr("a.b").Root));
        Assert.False(diags.HasErrors);
        Assert.Null(StaticExpr.AbsTraversal(Expr("f(x)").Root, diags));
        Assert.Equal("Invalid expression", diags.Single().Summary);
    }

    [Fact]
    public void DescendantNodesAndSelf_Config_VisitsInSourceOrder()
    {
        var r = Config("a = [1, b]\nc { d = e }\n");
        var kinds = string.Join(",", r.Root.DescendantNodesAndSelf().Select(n => n.GetType().Name));
        Assert.Equal("ConfigFile,Body,Attribute,TupleConsExpr,LiteralValueExpr,ScopeTraversalExpr,Block,Body,Attribute,ScopeTraversalExpr", kinds);
    }
}
