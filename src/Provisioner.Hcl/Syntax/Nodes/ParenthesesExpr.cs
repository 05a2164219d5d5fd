namespace Provisioner.Hcl.Syntax;

/// <summary>An expression in parentheses; kept so ranges and formatting stay exact.</summary>
public sealed class ParenthesesExpr : Expression
{
    internal ParenthesesExpr(SourceMap map, int start, int end, Expression inner)
        : base(map, start, end) => Expression = inner;

    public Expression Expression { get; }

    public override IEnumerable<SyntaxNode> ChildNodes() => [Expression];
}
