using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A binary operation; operators of the same precedence associate to the left.</summary>
public sealed class BinaryOpExpr : Expression
{
    internal BinaryOpExpr(SourceMap map, int start, int end, Expression left, BinaryOperator op, int opStart, int opEnd, Expression right)
        : base(map, start, end)
    {
        Left = left;
        Operator = op;
        OperatorStartOffset = opStart;
        OperatorEndOffset = opEnd;
        Right = right;
    }

    public Expression Left { get; }

    public BinaryOperator Operator { get; }

    public Expression Right { get; }

    internal int OperatorStartOffset { get; }

    internal int OperatorEndOffset { get; }

    public SourceRange OperatorRange => RangeOf(OperatorStartOffset, OperatorEndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Left, Right];
}
