namespace Provisioner.Hcl.Syntax;

/// <summary>The placeholder for "the current element" inside a <see cref="SplatExpr"/>'s <see cref="SplatExpr.Each"/>.</summary>
public sealed class AnonSymbolExpr : Expression
{
    internal AnonSymbolExpr(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
