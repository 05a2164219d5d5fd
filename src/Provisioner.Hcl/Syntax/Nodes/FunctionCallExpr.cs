using System.Runtime.CompilerServices;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A function call <c>name(args)</c>; <see cref="Name"/> includes namespaces (<c>provider::aws::arn_parse</c>).</summary>
public sealed class FunctionCallExpr : Expression
{
    /// <summary>
    /// Name and parenthesis offsets of the few calls where they cannot be found from the node's own span and name
    /// (spaces before the parenthesis or around <c>::</c>, a missing or recovered closing parenthesis).
    /// </summary>
    private static readonly ConditionalWeakTable<FunctionCallExpr, Irregular> s_irregular = new();

    internal FunctionCallExpr(SourceMap map, int start, int end, string name, int nameEnd, IReadOnlyList<Expression> args, bool expandFinal,
        int openParenStart, int closeParenStart, int closeParenEnd)
        : base(map, start, end)
    {
        Name = name;
        Args = args;
        ExpandFinal = expandFinal;
        // The usual layout: `name(` with nothing in between, `)` ending the call.
        if (nameEnd != start + Encoding.UTF8.GetByteCount(name) || openParenStart != nameEnd || closeParenEnd != end || closeParenStart != end - 1)
            s_irregular.Add(this, new Irregular(nameEnd, openParenStart, closeParenStart, closeParenEnd));
    }

    /// <summary>The function name; namespaced names include their namespaces (<c>provider::aws::arn_parse</c>).</summary>
    public string Name { get; }

    public IReadOnlyList<Expression> Args { get; }

    /// <summary>True when the last argument is followed by <c>...</c> and must be expanded into separate arguments.</summary>
    public bool ExpandFinal { get; }

    internal int NameEndOffset => s_irregular.TryGetValue(this, out var x) ? x.NameEnd : StartOffset + Encoding.UTF8.GetByteCount(Name);

    internal int OpenParenOffset => s_irregular.TryGetValue(this, out var x) ? x.OpenParen : NameEndOffset;

    internal int CloseParenStartOffset => s_irregular.TryGetValue(this, out var x) ? x.CloseParenStart : EndOffset - 1;

    internal int CloseParenEndOffset => s_irregular.TryGetValue(this, out var x) ? x.CloseParenEnd : EndOffset;

    public SourceRange NameRange => RangeOf(StartOffset, NameEndOffset);

    public SourceRange OpenParenRange => RangeOf(OpenParenOffset, OpenParenOffset + 1);

    public SourceRange CloseParenRange => RangeOf(CloseParenStartOffset, CloseParenEndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => Args;

    private sealed record Irregular(int NameEnd, int OpenParen, int CloseParenStart, int CloseParenEnd);
}
