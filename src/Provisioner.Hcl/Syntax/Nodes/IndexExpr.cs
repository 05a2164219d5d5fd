using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An index operation with a non-literal key, <c>coll[expr]</c>. Literal keys become traversal steps instead.</summary>
public sealed class IndexExpr : Expression
{
    internal IndexExpr(SourceMap map, int start, int end, Expression collection, Expression key, int openStart)
        : base(map, start, end)
    {
        Collection = collection;
        Key = key;
        OpenOffset = openStart;
    }

    public Expression Collection { get; }

    public Expression Key { get; }

    internal int OpenOffset { get; }

    public SourceRange OpenRange => RangeOf(OpenOffset, OpenOffset + 1);

    /// <summary>From the open bracket to the close bracket.</summary>
    public SourceRange BracketRange => RangeOf(OpenOffset, EndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Collection, Key];
}
