using System.Runtime.CompilerServices;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// The content of a file or block: attributes and blocks in source order (<see cref="Items"/>).
/// <see cref="Attributes"/> holds the first definition of each name (a redefinition is reported as an error).
/// </summary>
public sealed class Body : SyntaxNode
{
    /// <summary>End ranges of the few bodies whose end range is not at their end (an empty body after a bad block header).</summary>
    private static readonly ConditionalWeakTable<Body, StrongBox<int>> s_otherEndRanges = new();

    internal Body(SourceMap map, int start, int end, int endRangeOffset, IReadOnlyList<SyntaxNode> items, Attribute[] attributes, IReadOnlyList<Block> blocks)
        : base(map, start, end)
    {
        if (endRangeOffset != end)
            s_otherEndRanges.Add(this, new StrongBox<int>(endRangeOffset));
        Items = items;
        Attributes = attributes.Length < AttributeList.IndexedFrom ? attributes : new AttributeList(attributes);
        Blocks = blocks;
    }

    /// <summary>Attributes and blocks in source order, including redefined attributes.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    /// <summary>Attributes in source order, first definition of each name only.</summary>
    public IReadOnlyList<Attribute> Attributes { get; }

    public IReadOnlyList<Block> Blocks { get; }

    internal int EndRangeOffset => s_otherEndRanges.TryGetValue(this, out var other) ? other.Value : EndOffset;

    /// <summary>A zero-width range at the end of the body (after the closing brace, or at end of file).</summary>
    public SourceRange EndRange => RangeOf(EndRangeOffset, EndRangeOffset);

    /// <summary>The attribute with the given name, or null.</summary>
    public Attribute? GetAttribute(string name)
    {
        if (Attributes is AttributeList indexed)
            return indexed.Find(name);
        foreach (var a in Attributes)
        {
            if (a.Name == name)
                return a;
        }
        return null;
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Items;
}
