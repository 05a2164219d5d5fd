using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An argument definition <c>name = expr</c> in a body.</summary>
public sealed class Attribute : SyntaxNode
{
    internal Attribute(SourceMap map, int start, int end, string name, int nameEnd, int equalsStart, Expression expression)
        : base(map, start, end)
    {
        Name = name;
        NameEndOffset = nameEnd;
        EqualsOffset = equalsStart;
        Expression = expression;
    }

    public string Name { get; }

    public Expression Expression { get; }

    internal int NameEndOffset { get; }

    internal int EqualsOffset { get; }

    public SourceRange NameRange => RangeOf(StartOffset, NameEndOffset);

    public SourceRange EqualsRange => RangeOf(EqualsOffset, EqualsOffset + 1);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Expression];
}
