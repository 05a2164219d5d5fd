using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A splat: <c>src[*].a[0]</c> (full) or <c>src.*.a</c> (attribute-only). <see cref="Each"/> is evaluated for
/// every element of <see cref="Source"/> with <see cref="Item"/> bound to the element.
/// </summary>
public sealed class SplatExpr : Expression
{
    internal SplatExpr(SourceMap map, int start, int end, Expression source, Expression each, AnonSymbolExpr item, bool attrOnly, int markerStart, int markerEnd)
        : base(map, start, end)
    {
        Source = source;
        Each = each;
        Item = item;
        AttrOnly = attrOnly;
        MarkerStartOffset = markerStart;
        MarkerEndOffset = markerEnd;
    }

    public Expression Source { get; }

    public Expression Each { get; }

    public AnonSymbolExpr Item { get; }

    /// <summary>True for the legacy <c>.*</c> form, which only takes attribute steps.</summary>
    public bool AttrOnly { get; }

    internal int MarkerStartOffset { get; }

    internal int MarkerEndOffset { get; }

    /// <summary>The <c>[*]</c> or <c>.*</c> marker.</summary>
    public SourceRange MarkerRange => RangeOf(MarkerStartOffset, MarkerEndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Source, Each];
}
