using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A tuple constructor <c>[a, b, c]</c>.</summary>
public sealed class TupleConsExpr : Expression
{
    internal TupleConsExpr(SourceMap map, int start, int end, IReadOnlyList<Expression> items)
        : base(map, start, end) => Items = items;

    public IReadOnlyList<Expression> Items { get; }

    public SourceRange OpenRange => RangeOf(StartOffset, StartOffset + 1);

    public override IEnumerable<SyntaxNode> ChildNodes() => Items;
}
