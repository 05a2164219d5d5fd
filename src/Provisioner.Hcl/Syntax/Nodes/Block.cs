using System.Runtime.CompilerServices;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A block <c>type "label" label { body }</c>. Labels are quoted (decoded, no templates) or bare identifiers.</summary>
public sealed class Block : SyntaxNode
{
    /// <summary>
    /// Header and brace offsets of the few blocks that cannot be found again from the tokens (a header with
    /// errors, a missing or recovered closing brace). Every other block stores none of them.
    /// </summary>
    private static readonly ConditionalWeakTable<Block, Irregular> s_irregular = new();

    internal Block(SourceMap map, int start, int end, string type, IReadOnlyList<string> labels, Body body)
        : base(map, start, end)
    {
        Type = type;
        Labels = labels;
        Body = body;
    }

    /// <param name="labelSpans">The labels' spans (quoted labels include their quotes).</param>
    internal Block(SourceMap map, int start, int end, string type, IReadOnlyList<string> labels, (int Start, int End)[] labelSpans,
        Body body, int openBraceStart, int openBraceEnd, int closeBraceStart, int closeBraceEnd)
        : this(map, start, end, type, labels, body) =>
        s_irregular.Add(this, new Irregular(labelSpans, openBraceStart, openBraceEnd, closeBraceStart, closeBraceEnd));

    public string Type { get; }

    public IReadOnlyList<string> Labels { get; }

    public Body Body { get; }

    internal int TypeEndOffset => StartOffset + Encoding.UTF8.GetByteCount(Type);

    /// <summary>One span per label; quoted labels include their quotes.</summary>
    internal IReadOnlyList<(int Start, int End)> LabelSpans => s_irregular.TryGetValue(this, out var x) ? x.LabelSpans : FindHeader().Labels;

    internal int OpenBraceStart => s_irregular.TryGetValue(this, out var x) ? x.OpenBraceStart : FindHeader().OpenBrace;

    internal int OpenBraceEnd => s_irregular.TryGetValue(this, out var x) ? x.OpenBraceEnd : FindHeader().OpenBrace + 1;

    internal int CloseBraceStart => s_irregular.TryGetValue(this, out var x) ? x.CloseBraceStart : EndOffset - 1;

    internal int CloseBraceEnd => s_irregular.TryGetValue(this, out var x) ? x.CloseBraceEnd : EndOffset;

    public SourceRange TypeRange => RangeOf(StartOffset, TypeEndOffset);

    /// <summary>One range per label; quoted labels include their quotes.</summary>
    public IReadOnlyList<SourceRange> LabelRanges => LabelSpans.Select(s => RangeOf(s.Start, s.End)).ToArray();

    public SourceRange OpenBraceRange => RangeOf(OpenBraceStart, OpenBraceEnd);

    public SourceRange CloseBraceRange => RangeOf(CloseBraceStart, CloseBraceEnd);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Body];

    /// <summary>
    /// The labels and the opening brace of an error-free header, from the tokens: identifiers and quoted strings,
    /// separated by spaces and inline comments, up to the brace.
    /// </summary>
    private ((int Start, int End)[] Labels, int OpenBrace) FindHeader()
    {
        var tokens = Map.Tokens!;
        var kinds = tokens.Kinds;
        var spans = new (int Start, int End)[Labels.Count];
        var i = tokens.IndexAt(TypeEndOffset);
        for (var n = 0; n < spans.Length; n++)
        {
            i = tokens.SkipSpaces(i);
            var first = i;
            if (kinds[i] == TokenKind.OQuote)
            {
                while (kinds[i] != TokenKind.CQuote)
                    i++;
            }
            spans[n] = (tokens.Start(first), tokens.End(i));
            i++;
        }
        return (spans, tokens.Start(tokens.SkipSpaces(i)));
    }

    private sealed record Irregular((int Start, int End)[] LabelSpans, int OpenBraceStart, int OpenBraceEnd, int CloseBraceStart, int CloseBraceEnd);
}
