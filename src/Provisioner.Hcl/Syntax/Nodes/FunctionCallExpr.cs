using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A function call <c>name(args)</c>; <see cref="Name"/> includes namespaces (<c>provider::aws::arn_parse</c>).</summary>
public sealed class FunctionCallExpr : Expression
{
    internal FunctionCallExpr(SourceMap map, int start, int end, string name, int nameEnd, IReadOnlyList<Expression> args, bool expandFinal,
        int openParenStart, int closeParenStart, int closeParenEnd)
        : base(map, start, end)
    {
        Name = name;
        NameEndOffset = nameEnd;
        Args = args;
        ExpandFinal = expandFinal;
        OpenParenOffset = openParenStart;
        CloseParenStartOffset = closeParenStart;
        CloseParenEndOffset = closeParenEnd;
    }

    public string Name { get; }

    public IReadOnlyList<Expression> Args { get; }

    /// <summary>True when the last argument is followed by <c>...</c> and must be expanded into separate arguments.</summary>
    public bool ExpandFinal { get; }

    internal int NameEndOffset { get; }

    internal int OpenParenOffset { get; }

    internal int CloseParenStartOffset { get; }

    internal int CloseParenEndOffset { get; }

    public SourceRange NameRange => RangeOf(StartOffset, NameEndOffset);

    public SourceRange OpenParenRange => RangeOf(OpenParenOffset, OpenParenOffset + 1);

    public SourceRange CloseParenRange => RangeOf(CloseParenStartOffset, CloseParenEndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => Args;
}
