using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An object constructor <c>{ k = v, ... }</c>.</summary>
public sealed class ObjectConsExpr : Expression
{
    internal ObjectConsExpr(SourceMap map, int start, int end, IReadOnlyList<ObjectConsItem> items)
        : base(map, start, end) => Items = items;

    public IReadOnlyList<ObjectConsItem> Items { get; }

    public SourceRange OpenRange => RangeOf(StartOffset, StartOffset + 1);

    public override IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (var item in Items)
        {
            yield return item.Key;
            yield return item.Value;
        }
    }
}
