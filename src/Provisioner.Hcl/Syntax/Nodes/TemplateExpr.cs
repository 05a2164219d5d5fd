namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A template (quoted string, heredoc or bare template): literal parts (<see cref="LiteralValueExpr"/> with
/// decoded text, strip markers and heredoc flush already applied), interpolated expressions, and
/// <see cref="TemplateIfExpr"/>/<see cref="TemplateForExpr"/> directives. The result is their string concatenation.
/// </summary>
public sealed class TemplateExpr : Expression
{
    internal TemplateExpr(SourceMap map, int start, int end, IReadOnlyList<Expression> parts)
        : base(map, start, end) => Parts = parts;

    public IReadOnlyList<Expression> Parts { get; }

    /// <summary>True when the template is a single literal string (no interpolation or directive).</summary>
    public bool IsStringLiteral => Parts.Count == 1 && Parts[0] is LiteralValueExpr { Kind: LiteralValueKind.String };

    public override IEnumerable<SyntaxNode> ChildNodes() => Parts;
}
