namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A template (quoted string, heredoc or bare template): literal parts (<see cref="LiteralValueExpr"/> with
/// decoded text, strip markers and heredoc flush already applied), interpolated expressions, and
/// <see cref="TemplateIfExpr"/>/<see cref="TemplateForExpr"/> directives. The result is their string concatenation.
/// </summary>
/// <remarks>
/// A plain quoted string (<c>"text"</c> without escapes or template sequences) keeps only its span until
/// <see cref="Parts"/> is first read: its one literal part is then built from the source (and kept).
/// </remarks>
public sealed class TemplateExpr : Expression
{
    private IReadOnlyList<Expression>? _parts;

    internal TemplateExpr(SourceMap map, int start, int end, IReadOnlyList<Expression> parts)
        : base(map, start, end) => _parts = parts;

    /// <summary>A plain quoted string spanning <paramref name="start"/> (its opening quote) to <paramref name="end"/>.</summary>
    internal TemplateExpr(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public IReadOnlyList<Expression> Parts => _parts ?? MaterializeParts();

    /// <summary>True when the template is a single literal string (no interpolation or directive).</summary>
    public bool IsStringLiteral => _parts == null || (_parts.Count == 1 && _parts[0] is LiteralValueExpr { Kind: LiteralValueKind.String });

    /// <summary>True while this is a plain quoted string whose literal part has not been built yet.</summary>
    internal bool IsDeferredString => _parts == null;

    public override IEnumerable<SyntaxNode> ChildNodes() => Parts;

    private IReadOnlyList<Expression> MaterializeParts()
    {
        int start = StartOffset + 1, end = EndOffset - 1;
        var text = NameTable.ForThread.Get(Map.Bytes.Span[start..end]);
        IReadOnlyList<Expression> parts = [new LiteralValueExpr(Map, start, end, LiteralValueKind.String, text)];
        return Interlocked.CompareExchange(ref _parts, parts, null) ?? parts;
    }
}
