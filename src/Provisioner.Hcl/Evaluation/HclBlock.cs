using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>A block of a body: <c>type "label" ... { body }</c>.</summary>
/// <param name="Type">The block type name.</param>
/// <param name="Labels">The decoded labels.</param>
/// <param name="Body">The block's content.</param>
/// <param name="DefRange">From the type name to the last label: where "this block" diagnostics point.</param>
/// <param name="TypeRange">The type name.</param>
/// <param name="LabelRanges">One range per label (quoted labels include their quotes).</param>
public sealed record HclBlock(
    string Type,
    IReadOnlyList<string> Labels,
    IHclBody Body,
    SourceRange DefRange,
    SourceRange TypeRange,
    IReadOnlyList<SourceRange> LabelRanges);
