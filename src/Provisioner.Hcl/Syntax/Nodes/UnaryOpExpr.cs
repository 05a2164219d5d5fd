using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A unary operation <c>-x</c> or <c>!x</c>; it binds tighter than any binary operator but looser than postfix steps.</summary>
public sealed class UnaryOpExpr : Expression
{
    internal UnaryOpExpr(SourceMap map, int start, int end, UnaryOperator op, Expression operand)
        : base(map, start, end)
    {
        Operator = op;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }

    public Expression Operand { get; }

    public SourceRange SymbolRange => RangeOf(StartOffset, StartOffset + 1);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Operand];
}
