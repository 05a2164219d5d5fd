using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>A block <c>type "label" label { body }</c>. Labels are quoted (decoded, no templates) or bare identifiers.</summary>
public sealed class Block : SyntaxNode
{
    internal Block(SourceMap map, int start, int end, string type, int typeEnd, IReadOnlyList<string> labels, IReadOnlyList<(int Start, int End)> labelSpans,
        Body body, int openBraceStart, int openBraceEnd, int closeBraceStart, int closeBraceEnd)
        : base(map, start, end)
    {
        Type = type;
        TypeEndOffset = typeEnd;
        Labels = labels;
        LabelSpans = labelSpans;
        Body = body;
        OpenBraceStart = openBraceStart;
        OpenBraceEnd = openBraceEnd;
        CloseBraceStart = closeBraceStart;
        CloseBraceEnd = closeBraceEnd;
    }

    public string Type { get; }

    public IReadOnlyList<string> Labels { get; }

    public Body Body { get; }

    internal int TypeEndOffset { get; }

    internal IReadOnlyList<(int Start, int End)> LabelSpans { get; }

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
}
