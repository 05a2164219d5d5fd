namespace Provisioner.Hcl.Syntax;

/// <summary>An index step with a literal key: <c>[0]</c>, <c>["k"]</c> or the legacy <c>.0</c>.</summary>
public sealed class TraverseIndex : TraversalStep
{
    internal TraverseIndex(SourceMap map, int start, int end, IndexKeyKind keyKind, string keyText, bool legacy)
        : base(map, start, end)
    {
        KeyKind = keyKind;
        KeyText = keyText;
        IsLegacyDotIndex = legacy;
    }

    public IndexKeyKind KeyKind { get; }

    /// <summary>Number source text, decoded string, or keyword; see <see cref="KeyKind"/>.</summary>
    public string KeyText { get; }

    /// <summary>True for the HIL-compatible <c>.0</c> form.</summary>
    public bool IsLegacyDotIndex { get; }

    public override string ToString() => KeyKind == IndexKeyKind.String ? $"[\"{KeyText}\"]" : $"[{KeyText}]";
}
