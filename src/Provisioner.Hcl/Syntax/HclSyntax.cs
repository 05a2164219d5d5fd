using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Entry points for the HCL native syntax: configuration files, standalone expressions, bare templates and
/// traversals. Parsing never throws on bad input: errors come back as diagnostics (with hclsyntax's summaries
/// and ranges) together with a best-effort tree.
/// </summary>
public static class HclSyntax
{
    /// <summary>Parses a whole configuration file.</summary>
    public static ParseResult<ConfigFile> ParseConfig(ReadOnlyMemory<byte> src, string filename) =>
        ParseConfig(src, filename, SourcePos.Start);

    /// <summary>Parses configuration text (encoded as UTF-8 first); convenient for tests and generated snippets.</summary>
    public static ParseResult<ConfigFile> ParseConfig(string text, string filename) =>
        ParseConfig(System.Text.Encoding.UTF8.GetBytes(text), filename, SourcePos.Start);

    /// <summary>Parses a whole configuration file whose first byte is at <paramref name="start"/>.</summary>
    public static ParseResult<ConfigFile> ParseConfig(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        var (map, tokens, diags) = Lex(src, filename, start, template: false);
        var parser = new Parser(map, tokens);
        var body = parser.ParseBody(TokenKind.EndOfFile);
        diags.AddRange(parser.Diagnostics);
        var tree = new SyntaxTree(map, tokens);
        var file = new ConfigFile(map, 0, src.Length, body);
        tree.Root = file;
        return new ParseResult<ConfigFile>(tree, file, new DiagnosticList(diags));
    }

    /// <summary>Parses a standalone expression (newlines are ignored, as if it were in parentheses).</summary>
    public static ParseResult<Expression> ParseExpression(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        var (map, tokens, diags) = Lex(src, filename, start, template: false);
        var parser = new Parser(map, tokens);
        var expr = parser.ParseStandaloneExpression();
        diags.AddRange(parser.Diagnostics);
        var tree = new SyntaxTree(map, tokens) { Root = expr };
        return new ParseResult<Expression>(tree, expr, new DiagnosticList(diags));
    }

    /// <summary>Parses expression text (encoded as UTF-8 first).</summary>
    public static ParseResult<Expression> ParseExpression(string text, string filename) =>
        ParseExpression(System.Text.Encoding.UTF8.GetBytes(text), filename, SourcePos.Start);

    /// <summary>Parses a standalone expression starting at line 1, column 1.</summary>
    public static ParseResult<Expression> ParseExpression(ReadOnlyMemory<byte> src, string filename) =>
        ParseExpression(src, filename, SourcePos.Start);

    /// <summary>Parses a bare template (the whole input is template text, as for <c>templatefile</c> or JSON strings).</summary>
    public static ParseResult<Expression> ParseTemplate(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        var (map, tokens, diags) = Lex(src, filename, start, template: true);
        var parser = new Parser(map, tokens);
        var expr = parser.ParseBareTemplate();
        diags.AddRange(parser.Diagnostics);
        var tree = new SyntaxTree(map, tokens) { Root = expr };
        return new ParseResult<Expression>(tree, expr, new DiagnosticList(diags));
    }

    /// <summary>Parses bare template text (encoded as UTF-8 first).</summary>
    public static ParseResult<Expression> ParseTemplate(string text, string filename) =>
        ParseTemplate(System.Text.Encoding.UTF8.GetBytes(text), filename, SourcePos.Start);

    /// <summary>Parses a bare template starting at line 1, column 1.</summary>
    public static ParseResult<Expression> ParseTemplate(ReadOnlyMemory<byte> src, string filename) =>
        ParseTemplate(src, filename, SourcePos.Start);

    /// <summary>
    /// Parses an absolute traversal such as <c>aws_instance.web[0].id</c> or <c>module.a["k"]</c>: only attribute
    /// steps and literal number/string indexes, as hclsyntax's <c>ParseTraversalAbs</c> (same diagnostics). The
    /// traversal is returned even with errors (as far as it got), or null when there is not even a root name.
    /// </summary>
    public static (Traversal? Traversal, DiagnosticList Diagnostics) ParseTraversalAbs(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        var (map, tokens, diags) = Lex(src, filename, start, template: false);
        var parser = new Parser(map, tokens);
        var traversal = parser.ParseTraversalAbs();
        diags.AddRange(parser.Diagnostics);
        return (traversal, new DiagnosticList(diags));
    }

    /// <summary>Parses traversal text (encoded as UTF-8 first).</summary>
    public static (Traversal? Traversal, DiagnosticList Diagnostics) ParseTraversalAbs(string text, string filename) =>
        ParseTraversalAbs(System.Text.Encoding.UTF8.GetBytes(text), filename, SourcePos.Start);

    /// <summary>Lexes only (for tools and tests): the token array plus lexical diagnostics.</summary>
    public static (SyntaxTree Tree, DiagnosticList Diagnostics) Lex(ReadOnlyMemory<byte> src, string filename, bool template = false)
    {
        var (map, tokens, diags) = Lex(src, filename, SourcePos.Start, template);
        return (new SyntaxTree(map, tokens), new DiagnosticList(diags));
    }

    private static (SourceMap Map, TokenBuffer Tokens, List<Diagnostic> Diags) Lex(ReadOnlyMemory<byte> src, string filename, SourcePos start, bool template)
    {
        var map = new SourceMap(filename, src, start);
        var tokens = Lexer.Lex(src, template);
        map.Tokens = tokens;
        var diags = new List<Diagnostic>();
        LexDiagnostics.Check(tokens, map, src.Span, diags);
        return (map, tokens, diags);
    }
}
