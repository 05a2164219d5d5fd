using System.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A literal: a number (kept as its exact source text, so arbitrary precision is preserved), a decoded
/// string (template literal parts), <c>true</c>/<c>false</c>, <c>null</c>, or an error placeholder.
/// </summary>
public sealed class LiteralValueExpr : Expression
{
    /// <summary>Marks an error placeholder (kind <see cref="LiteralValueKind.Unknown"/>).</summary>
    private static readonly object s_unknown = new();

    /// <summary>
    /// The decoded text of a string, <see cref="s_unknown"/> for a placeholder, or null for a number, bool or null
    /// literal, whose kind and text are read again from the source (the node spans exactly that token).
    /// </summary>
    private readonly object? _value;

    /// <summary>A string (<paramref name="text"/> decoded) or an error placeholder (kind unknown, empty text).</summary>
    internal LiteralValueExpr(SourceMap map, int start, int end, LiteralValueKind kind, string text)
        : base(map, start, end)
    {
        Debug.Assert(kind is LiteralValueKind.String or LiteralValueKind.Unknown, "numbers, bools and null are read from the source");
        _value = kind == LiteralValueKind.String ? text : s_unknown;
    }

    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>: exactly the token at <paramref name="start"/>..<paramref name="end"/>.</summary>
    internal LiteralValueExpr(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public LiteralValueKind Kind => _value switch
    {
        string => LiteralValueKind.String,
        null => Map.Bytes.Span[StartOffset] switch
        {
            (byte)'t' or (byte)'f' => LiteralValueKind.Bool,
            (byte)'n' => LiteralValueKind.Null,
            _ => LiteralValueKind.Number,
        },
        _ => LiteralValueKind.Unknown,
    };

    /// <summary>
    /// Number source text, decoded string value, <c>true</c>/<c>false</c>, <c>null</c>, or empty for unknown.
    /// Strings are decoded exactly (escapes, <c>$${</c>, heredoc flush and strip markers applied) but not
    /// NFC-normalised: build values with <c>HclValue.String</c>, which normalises as cty does.
    /// </summary>
    public string Text => _value switch
    {
        string s => s,
        null => Map.Bytes.Span[StartOffset] switch
        {
            (byte)'t' => "true",
            (byte)'f' => "false",
            (byte)'n' => "null",
            _ => NameTable.ForThread.Get(Map.Bytes.Span[StartOffset..EndOffset]),
        },
        _ => "",
    };

    public bool BoolValue => Kind == LiteralValueKind.Bool && Text == "true";

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
