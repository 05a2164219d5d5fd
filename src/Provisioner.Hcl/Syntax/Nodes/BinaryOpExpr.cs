using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A binary operation; operators of the same precedence associate to the left.</summary>
public sealed class BinaryOpExpr : Expression
{
    internal BinaryOpExpr(SourceMap map, int start, int end, Expression left, BinaryOperator op, int opStart, Expression right)
        : base(map, start, end)
    {
        Left = left;
        Operator = op;
        OperatorStartOffset = opStart;
        Right = right;
    }

    public Expression Left { get; }

    public BinaryOperator Operator { get; }

    public Expression Right { get; }

    internal int OperatorStartOffset { get; }

    /// <summary>The operator token's end: every operator is written one way, so its length follows from <see cref="Operator"/>.</summary>
    internal int OperatorEndOffset => OperatorStartOffset + (Operator is BinaryOperator.GreaterThan or BinaryOperator.LessThan or
        BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo ? 1 : 2);

    public SourceRange OperatorRange => RangeOf(OperatorStartOffset, OperatorEndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Left, Right];
}
