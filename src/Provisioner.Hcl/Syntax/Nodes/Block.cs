using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A block <c>type "label" label { body }</c>. Labels are quoted (decoded, no templates) or bare identifiers.</summary>
public sealed class Block : SyntaxNode
{
    private readonly (int Start, int End)[]? _labelSpans;

    /// <param name="labelSpans">The labels' spans, or null when the header had no errors: they are then found again from the tokens.</param>
    internal Block(SourceMap map, int start, int end, string type, IReadOnlyList<string> labels, (int Start, int End)[]? labelSpans,
        Body body, int openBraceStart, int openBraceEnd, int closeBraceStart, int closeBraceEnd)
        : base(map, start, end)
    {
        Type = type;
        Labels = labels;
        _labelSpans = labelSpans;
        Body = body;
        OpenBraceStart = openBraceStart;
        OpenBraceEnd = openBraceEnd;
        CloseBraceStart = closeBraceStart;
        CloseBraceEnd = closeBraceEnd;
    }

    public string Type { get; }

    public IReadOnlyList<string> Labels { get; }

    public Body Body { get; }

    internal int TypeEndOffset => StartOffset + Encoding.UTF8.GetByteCount(Type);

    /// <summary>One span per label; quoted labels include their quotes.</summary>
    internal IReadOnlyList<(int Start, int End)> LabelSpans => _labelSpans ?? FindLabelSpans();

    internal int OpenBraceStart { get; }

    internal int OpenBraceEnd { get; }

    internal int CloseBraceStart { get; }

    internal int CloseBraceEnd { get; }

    public SourceRange TypeRange => RangeOf(StartOffset, TypeEndOffset);

    /// <summary>One range per label; quoted labels include their quotes.</summary>
    public IReadOnlyList<SourceRange> LabelRanges => LabelSpans.Select(s => RangeOf(s.Start, s.End)).ToArray();

    public SourceRange OpenBraceRange => RangeOf(OpenBraceStart, OpenBraceEnd);

    public SourceRange CloseBraceRange => RangeOf(CloseBraceStart, CloseBraceEnd);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Body];

    /// <summary>The labels of an error-free header, from the tokens: identifiers and quoted strings up to the brace.</summary>
    private (int Start, int End)[] FindLabelSpans()
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
        return spans;
    }
}
