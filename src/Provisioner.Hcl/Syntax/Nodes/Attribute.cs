using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An argument definition <c>name = expr</c> in a body.</summary>
public sealed class Attribute : SyntaxNode
{
    internal Attribute(SourceMap map, int start, int end, string name, Expression expression)
        : base(map, start, end)
    {
        Name = name;
        Expression = expression;
    }

    public string Name { get; }

    public Expression Expression { get; }

    internal int NameEndOffset => StartOffset + Encoding.UTF8.GetByteCount(Name);

    /// <summary>The equals sign's offset: the first token after the name that is not a space or an inline comment.</summary>
    internal int EqualsOffset
    {
        get
        {
            var tokens = Map.Tokens!;
            return tokens.Start(tokens.SkipSpaces(tokens.IndexAt(NameEndOffset)));
        }
    }

    public SourceRange NameRange => RangeOf(StartOffset, NameEndOffset);

    public SourceRange EqualsRange => RangeOf(EqualsOffset, EqualsOffset + 1);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Expression];
}
