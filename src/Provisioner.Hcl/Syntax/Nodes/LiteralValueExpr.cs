namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A literal: a number (kept as its exact source text, so arbitrary precision is preserved), a decoded
/// string (template literal parts), <c>true</c>/<c>false</c>, <c>null</c>, or an error placeholder.
/// </summary>
public sealed class LiteralValueExpr : Expression
{
    internal LiteralValueExpr(SourceMap map, int start, int end, LiteralValueKind kind, string text)
        : base(map, start, end)
    {
        Kind = kind;
        Text = text;
    }

    public LiteralValueKind Kind { get; }

    /// <summary>
    /// Number source text, decoded string value, <c>true</c>/<c>false</c>, <c>null</c>, or empty for unknown.
    /// Strings are decoded exactly (escapes, <c>$${</c>, heredoc flush and strip markers applied) but not
    /// NFC-normalised: build values with <c>HclValue.String</c>, which normalises as cty does.
    /// </summary>
    public string Text { get; internal set; }

    public bool BoolValue => Kind == LiteralValueKind.Bool && Text == "true";

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
