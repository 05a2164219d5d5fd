using System.Text;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class LexerTests
{
    private static string Kinds(string src, bool template = false)
    {
        var (tree, _) = HclSyntax.Lex(Encoding.UTF8.GetBytes(src), "t.hcl", template);
        var sb = new StringBuilder();
        for (var i = 0; i < tree.TokenCount; i++)
        {
            var t = tree.Tokens[i];
            if (t.Kind == TokenKind.Whitespace)
                continue;
            if (sb.Length > 0)
                sb.Append(' ');
            sb.Append(t.Kind).Append('(').Append(Encoding.UTF8.GetString(tree.GetTokenBytes(i)).Replace("\n", "\\n", StringComparison.Ordinal)).Append(')');
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData("a = 1", "Ident(a) Equal(=) NumberLit(1) EndOfFile()")]
    [InlineData("a-b_c", "Ident(a-b_c) EndOfFile()")]
    [InlineData("_x ñame", "Ident(_x) Ident(ñame) EndOfFile()")]
    [InlineData("1.5e+3 1. 2e", "NumberLit(1.5e+3) NumberLit(1) Dot(.) NumberLit(2) Ident(e) EndOfFile()")]
    [InlineData("== != <= >= && || => :: ... < > ! ? :", "EqualOp(==) NotEqual(!=) LessThanEq(<=) GreaterThanEq(>=) And(&&) Or(||) FatArrow(=>) DoubleColon(::) Ellipsis(...) LessThan(<) GreaterThan(>) Bang(!) Question(?) Colon(:) EndOfFile()")]
    [InlineData("+ - * / % ( ) [ ] { } , .", "Plus(+) Minus(-) Star(*) Slash(/) Percent(%) OParen(() CParen()) OBrack([) CBrack(]) OBrace({) CBrace(}) Comma(,) Dot(.) EndOfFile()")]
    [InlineData("# c\nx", "LineComment(# c\\n) Ident(x) EndOfFile()")]
    [InlineData("// c", "Comment(// c) EndOfFile()")]
    [InlineData("/* a\nb */x", "Comment(/* a\\nb */) Ident(x) EndOfFile()")]
    [InlineData("a\r\nb", "Ident(a) Newline(\r\\n) Ident(b) EndOfFile()")]
    [InlineData("\"a${b}c\"", "OQuote(\") QuotedLit(a) TemplateInterp(${) Ident(b) TemplateSeqEnd(}) QuotedLit(c) CQuote(\") EndOfFile()")]
    [InlineData("\"${~b~}\"", "OQuote(\") TemplateInterp(${~) Ident(b) TemplateSeqEnd(~}) CQuote(\") EndOfFile()")]
    [InlineData("\"%{if a}\"", "OQuote(\") TemplateControl(%{) Ident(if) Ident(a) TemplateSeqEnd(}) CQuote(\") EndOfFile()")]
    [InlineData("\"${ {a=1} }\"", "OQuote(\") TemplateInterp(${) OBrace({) Ident(a) Equal(=) NumberLit(1) CBrace(}) TemplateSeqEnd(}) CQuote(\") EndOfFile()")]
    [InlineData("\"a\\\"b\"", "OQuote(\") QuotedLit(a\\\"b) CQuote(\") EndOfFile()")]
    [InlineData("<<EOT\nhi\nEOT\n", "OHeredoc(<<EOT\\n) StringLit(hi\\n) CHeredoc(EOT) Newline(\\n) EndOfFile()")]
    [InlineData("<<-EOT\n  hi ${x}\n  EOT\n", "OHeredoc(<<-EOT\\n) StringLit(  hi ) TemplateInterp(${) Ident(x) TemplateSeqEnd(}) StringLit(\\n) CHeredoc(  EOT) Newline(\\n) EndOfFile()")]
    [InlineData("a << b", "Ident(a) LessThan(<) LessThan(<) Ident(b) EndOfFile()")]
    [InlineData("& | ^ ~ ** ; ' `", "BitwiseAnd(&) BitwiseOr(|) BitwiseXor(^) BitwiseNot(~) StarStar(**) Semicolon(;) Apostrophe(') Backtick(`) EndOfFile()")]
    [InlineData("$ @", "Invalid($) Invalid(@) EndOfFile()")]
    public void Lex_Input_ProducesTokens(string src, string expected) => Assert.Equal(expected, Kinds(src));

    [Fact]
    public void Lex_BareTemplate_StartsInTemplateMode()
    {
        Assert.Equal("StringLit(a \\n) TemplateInterp(${) Ident(b) TemplateSeqEnd(}) EndOfFile()", Kinds("a \n${b}", template: true));
    }

    [Fact]
    public void Lex_InvalidUtf8_ReportsEncodingOnce()
    {
        var (tree, diags) = HclSyntax.Lex(new byte[] { (byte)'a', 0xFF, 0xFE, (byte)'\n' }, "t.hcl");
        Assert.Equal(TokenKind.BadUtf8, tree.Tokens[1].Kind);
        var d = Assert.Single(diags);
        Assert.Equal("Invalid character encoding", d.Summary);
        Assert.Equal("t.hcl:1,2-3", d.Subject.ToString());
    }

    [Fact]
    public void ParseConfig_Bom_IsIgnoredLikeHcl()
    {
        var r = HclSyntax.ParseConfig(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)' ', (byte)'=', (byte)' ', (byte)'1' }, "t.hcl");
        Assert.Equal(TokenKind.Bom, r.Tree.Tokens[0].Kind);
        Assert.False(r.HasErrors);
        Assert.Equal("t.hcl:1,1-2", r.Root.Body.Attributes[0].NameRange.ToString());
        Assert.Equal(3, r.Root.Body.Attributes[0].NameRange.Start.Byte);
    }

    [Theory]
    [InlineData("a = 1\nbb = \"x\"", 5, 2, 9, 14)]
    [InlineData("é = \"ü\"", 0, 1, 8, 9)]
    public void Positions_ColumnsCountCharacters(string src, int tokenIndexOfInterest, int line, int endColumnOfLast, int endByteOfLast)
    {
        var r = SyntaxTestSupport.Config(src);
        var tree = r.Tree;
        _ = tokenIndexOfInterest;
        var last = tree.GetTokenRange(tree.TokenCount - 2);
        Assert.Equal(line, last.End.Line);
        Assert.Equal(endColumnOfLast, last.End.Column);
        Assert.Equal(endByteOfLast, last.End.Byte);
    }

    [Fact]
    public void Positions_GraphemeClusterCountsAsOneColumn()
    {
        var r = SyntaxTestSupport.Config("a = \"👩‍👩‍👧‍👦\" x\n");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Missing newline after argument", d.Summary);
        Assert.Equal(9, d.Subject!.Value.Start.Column);
    }

    [Fact]
    public void Positions_ExpressionWithStartOffset_ShiftsFirstLineOnly()
    {
        var r = HclSyntax.ParseExpression("a +\n b"u8.ToArray(), "f", new Provisioner.Hcl.Diagnostics.SourcePos(3, 10, 100));
        Assert.Equal("f:3,10-4,3", r.Root.Range.ToString());
        Assert.Equal(100, r.Root.Range.Start.Byte);
        Assert.Equal(106, r.Root.Range.End.Byte);
    }
}
