using Provisioner.Hcl.Syntax;
using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class TemplateTests
{
    [Theory]
    [InlineData("\"a\\nb\"", "(tmpl \"a\\nb\")")]
    [InlineData("\"q\\\"q\"", "(tmpl \"q\"q\")")]
    [InlineData("\"\\\\\"", "(tmpl \"\\\")")]
    [InlineData("\"\\t\\r\"", "(tmpl \"\t\r\")")]
    [InlineData("\"\\u00e9\\U0001F600\"", "(tmpl \"é😀\")")]
    [InlineData("\"$${x}\"", "(tmpl \"${x}\")")]
    [InlineData("\"%%{x}\"", "(tmpl \"%{x}\")")]
    [InlineData("\"$$x $ %\"", "(tmpl \"$$x $ %\")")]
    [InlineData("\"a ${b} c\"", "(tmpl \"a \" b \" c\")")]
    [InlineData("\"a ${~b~} c\"", "(tmpl \"a\" b \"c\")")]
    [InlineData("\"${a}${b}\"", "(tmpl a b)")]
    [InlineData("\"x${\"y${z}\"}\"", "(tmpl \"x\" (tmpl \"y\" z))")]
    [InlineData("\"%{if a}yes%{endif}\"", "(tmpl (if a (tmpl \"yes\") (tmpl \"\")))")]
    [InlineData("\"%{if a}yes%{else}no%{endif}\"", "(tmpl (if a (tmpl \"yes\") (tmpl \"no\")))")]
    [InlineData("\"%{for x in xs}${x},%{endfor}\"", "(tmpl (tfor x xs (tmpl x \",\")))")]
    [InlineData("\"%{for k, v in m}${k}%{endfor}\"", "(tmpl (tfor k,v m (tmpl k)))")]
    [InlineData("\" a %{~ if c ~} b %{~ endif ~} c \"", "(tmpl \" a\" (if c (tmpl \"b\") (tmpl \"\")) \"c \")")]
    public void ParseExpression_QuotedTemplate_DecodesParts(string src, string expected)
    {
        var r = Expr(src);
        Assert.False(r.HasErrors, Diags(r));
        Assert.Equal(expected, Sx(r.Root));
    }

    [Fact]
    public void ParseExpression_TemplateIf_RecordsStripMarkers()
    {
        var r = Expr("\"%{~ if c }x%{ else ~}y%{ endif }\"");
        var t = Assert.IsType<TemplateExpr>(r.Root);
        var i = Assert.IsType<TemplateIfExpr>(Assert.Single(t.Parts));
        Assert.True(i.IfMarker.StripBefore);
        Assert.False(i.IfMarker.StripAfter);
        Assert.True(i.ElseMarker!.StripAfter);
        Assert.False(i.EndIfMarker.StripBefore);
        Assert.Equal("test.hcl:1,2-12", i.IfRange.ToString());
    }

    [Theory]
    [InlineData("\"\\q\"", "1:2-1:4: Invalid escape sequence")]
    [InlineData("\"\\u12\"", "1:2-1:6: Invalid escape sequence")]
    [InlineData("\"\\uD800\"", "1:2-1:8: Invalid escape sequence")]
    [InlineData("\"abc", "1:5-1:5: Unterminated template string")]
    [InlineData("\"abc\nx\"", "1:5-2:1: Invalid multi-line string\n1:5-2:1: Unterminated template string")]
    [InlineData("\"${a\"", "1:2-1:4: Unclosed template interpolation sequence")]
    [InlineData("\"${a b}\"", "1:6-1:7: Extra characters after interpolation expression")]
    [InlineData("\"%{ endif }\"", "1:2-1:12: Unexpected endif directive")]
    [InlineData("\"%{ if a }\"", "1:11-1:12: Unexpected end of template")]
    [InlineData("\"%{ iff a }\"", "1:5-1:8: Invalid template control keyword")]
    public void ParseExpression_BadTemplate_ReportsHclDiagnostic(string src, string expected)
    {
        var r = Expr(src);
        Assert.Equal(expected, Diags(r));
    }

    public static TheoryData<string, string> Heredocs() => new()
    {
        { "<<EOT\nFoo\nBar\nEOT\n", "Foo\nBar\n" },
        { "<<EOT\n    Foo\n      Bar\n  EOT\n", "    Foo\n      Bar\n" },
        { "<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT\n", "Foo\n  Bar\nBaz\n" },
        { "<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n", "  Foo\nBar\n  Baz\n" },
        { "<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT\n", "Foo\n Bar\n Baz\n" },
        { "<<-EOT\n    Foo\n\n    Bar\n  EOT\n", "Foo\n\nBar\n" },
        { "<<EOT\n    NOT EOT\n  EOT\n", "    NOT EOT\n" },
        { "<<EOT\r\nFoo\r\nEOT\r\n", "Foo\r\n" },
        { "<<EOT\n\\n $${x}\nEOT\n", "\\n ${x}\n" },
        { "<<EOT\nEOT\n", "" },
    };

    [Theory]
    [MemberData(nameof(Heredocs))]
    public void ParseConfig_Heredoc_DecodesLikeHcl(string heredoc, string expected)
    {
        var r = Config("a = " + heredoc);
        Assert.False(r.HasErrors, Diags(r));
        var expr = r.Root.Body.Attributes[0].Expression;
        var t = Assert.IsType<TemplateExpr>(expr);
        var text = string.Concat(t.Parts.Cast<LiteralValueExpr>().Select(l => l.Text));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ParseConfig_FlushHeredocWithInterpolation_TrimsLiteralsOnly()
    {
        var r = Config("a = <<-EOT\n    Foo\n  ${space_bar}\n    Baz\n  EOT\n");
        Assert.False(r.HasErrors, Diags(r));
        Assert.Equal("(tmpl \"  Foo\\n\" space_bar \"\\n  Baz\\n\")", Sx(r.Root.Body.Attributes[0].Expression));
    }

    [Fact]
    public void ParseConfig_FlushHeredocWithStrippedFor_KeepsIndentOfStrippedLine()
    {
        var src = "a = <<-EOT\n    %{ for x in xs ~}\n    ${x}\n    %{ endfor ~}\n  EOT\n";
        var r = Config(src);
        Assert.False(r.HasErrors, Diags(r));
        Assert.Equal("(tmpl \"\" (tfor x xs (tmpl \"    \" x \"\\n\")) \"\")", Sx(r.Root.Body.Attributes[0].Expression));
    }

    [Fact]
    public void ParseTemplate_BareTemplate_ParsesInterpolationsWithoutEscapes()
    {
        var r = HclSyntax.ParseTemplate("Hello, ${name}!\\n"u8.ToArray(), "t.tmpl");
        Assert.False(r.HasErrors);
        Assert.Equal("(tmpl \"Hello, \" name \"!\\n\")", Sx(r.Root));
    }

    [Fact]
    public void ParseTemplate_SingleInterpolation_Unwraps()
    {
        var r = HclSyntax.ParseTemplate("${x}"u8.ToArray(), "t.tmpl");
        Assert.Equal("(wrap x)", Sx(r.Root));
    }
}
