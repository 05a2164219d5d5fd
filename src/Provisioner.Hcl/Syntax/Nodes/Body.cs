using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// The content of a file or block: attributes and blocks in source order (<see cref="Items"/>).
/// <see cref="Attributes"/> holds the first definition of each name (a redefinition is reported as an error).
/// </summary>
public sealed class Body : SyntaxNode
{
    private Dictionary<string, Attribute>? _byName;

    internal Body(SourceMap map, int start, int end, int endRangeOffset, IReadOnlyList<SyntaxNode> items, IReadOnlyList<Attribute> attributes, IReadOnlyList<Block> blocks)
        : base(map, start, end)
    {
        EndRangeOffset = endRangeOffset;
        Items = items;
        Attributes = attributes;
        Blocks = blocks;
    }

    /// <summary>Attributes and blocks in source order, including redefined attributes.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    /// <summary>Attributes in source order, first definition of each name only.</summary>
    public IReadOnlyList<Attribute> Attributes { get; }

    public IReadOnlyList<Block> Blocks { get; }

    internal int EndRangeOffset { get; }

    /// <summary>A zero-width range at the end of the body (after the closing brace, or at end of file).</summary>
    public SourceRange EndRange => RangeOf(EndRangeOffset, EndRangeOffset);

    /// <summary>The attribute with the given name, or null.</summary>
    public Attribute? GetAttribute(string name)
    {
        if (Attributes.Count < 8)
        {
            foreach (var a in Attributes)
            {
                if (a.Name == name)
                    return a;
            }
            return null;
        }
        _byName ??= Attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
        return _byName.GetValueOrDefault(name);
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Items;
}
