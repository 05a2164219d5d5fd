using System.Globalization;
using System.Text;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Shared helpers for syntax tests: locating files and printing trees compactly.</summary>
internal static class SyntaxTestSupport
{
    public static string RepoRoot() => RepoPaths.Root;

    /// <summary>The shared conformance directory (<c>../shared/conformance</c> beside the repository).</summary>
    public static string? ConformanceDir() => RepoPaths.Conformance;

    public static ParseResult<ConfigFile> Config(string src) => HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(src), "test.hcl");

    public static ParseResult<Expression> Expr(string src) =>
        HclSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "test.hcl", Provisioner.Hcl.Diagnostics.SourcePos.Start);

    public static string Diags(ParseResult<ConfigFile> r) => string.Join("\n", r.Diagnostics.Select(Describe));

    public static string Diags(ParseResult<Expression> r) => string.Join("\n", r.Diagnostics.Select(Describe));

    public static string Describe(Provisioner.Hcl.Diagnostics.Diagnostic d)
    {
        if (d.Subject is not { } s)
            return d.Summary;
        return string.Create(CultureInfo.InvariantCulture, $"{s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column}: {d.Summary}");
    }

    /// <summary>A compact S-expression rendering of an expression tree, for shape assertions.</summary>
    public static string Sx(Expression e) => e switch
    {
        LiteralValueExpr l => l.Kind switch
        {
            LiteralValueKind.String => "\"" + l.Text.Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
            LiteralValueKind.Unknown => "?",
            _ => l.Text,
        },
        ScopeTraversalExpr s => s.Traversal.ToString(),
        RelativeTraversalExpr r => "(rel " + Sx(r.Source) + " " + string.Concat(r.Steps) + ")",
        BinaryOpExpr b => "(" + Op(b.Operator) + " " + Sx(b.Left) + " " + Sx(b.Right) + ")",
        UnaryOpExpr u => "(" + (u.Operator == UnaryOperator.Negate ? "neg" : "not") + " " + Sx(u.Operand) + ")",
        ConditionalExpr c => "(? " + Sx(c.Condition) + " " + Sx(c.TrueResult) + " " + Sx(c.FalseResult) + ")",
        ParenthesesExpr p => "(paren " + Sx(p.Expression) + ")",
        FunctionCallExpr f => "(call " + f.Name + string.Concat(f.Args.Select(a => " " + Sx(a))) + (f.ExpandFinal ? " ..." : "") + ")",
        TupleConsExpr t => "[" + string.Join(" ", t.Items.Select(Sx)) + "]",
        ObjectConsExpr o => "{" + string.Join(" ", o.Items.Select(i => Sx(i.Key) + "=" + Sx(i.Value))) + "}",
        ObjectConsKeyExpr k => k.LiteralName ?? ("(key " + (k.ForceNonLiteral ? "force " : "") + Sx(k.Wrapped) + ")"),
        ForExpr f => "(for " + (f.KeyVar != null ? f.KeyVar + "," : "") + f.ValueVar + " " + Sx(f.Collection)
            + (f.KeyExpr != null ? " " + Sx(f.KeyExpr) + " =>" : "") + " " + Sx(f.ValueExpr) + (f.Group ? " ..." : "")
            + (f.Condition != null ? " if " + Sx(f.Condition) : "") + ")",
        IndexExpr i => "(index " + Sx(i.Collection) + " " + Sx(i.Key) + ")",
        SplatExpr s => "(splat" + (s.AttrOnly ? "-attr " : " ") + Sx(s.Source) + " " + Sx(s.Each) + ")",
        AnonSymbolExpr => "%",
        TemplateExpr t => "(tmpl" + string.Concat(t.Parts.Select(p => " " + Sx(p))) + ")",
        TemplateWrapExpr w => "(wrap " + Sx(w.Wrapped) + ")",
        TemplateIfExpr i => "(if " + Sx(i.Condition) + " " + Sx(i.TrueResult) + " " + Sx(i.FalseResult) + ")",
        TemplateForExpr f => "(tfor " + (f.KeyVar != null ? f.KeyVar + "," : "") + f.ValueVar + " " + Sx(f.Collection) + " " + Sx(f.Body) + ")",
        ExprSyntaxError => "!err",
        _ => e.GetType().Name,
    };

    private static string Op(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => "||",
        BinaryOperator.LogicalAnd => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };
}
