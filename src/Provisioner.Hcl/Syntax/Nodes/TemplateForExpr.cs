using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A template <c>%{ for k, v in coll }...%{ endfor }</c> directive (HCL: <c>TemplateJoinExpr</c> over a
/// tuple <c>ForExpr</c>): <see cref="Body"/> is rendered once per element and the results are concatenated.
/// </summary>
public sealed class TemplateForExpr : Expression
{
    internal TemplateForExpr(SourceMap map, int start, int end, string? keyVar, string valueVar, Expression collection, TemplateExpr body,
        TemplateDirectiveMarker forMarker, TemplateDirectiveMarker endForMarker)
        : base(map, start, end)
    {
        KeyVar = keyVar;
        ValueVar = valueVar;
        Collection = collection;
        Body = body;
        ForMarker = forMarker;
        EndForMarker = endForMarker;
    }

    /// <summary>The key (index) variable name, or null when only a value variable is declared.</summary>
    public string? KeyVar { get; }

    public string ValueVar { get; }

    public Expression Collection { get; }

    public TemplateExpr Body { get; }

    public TemplateDirectiveMarker ForMarker { get; }

    public TemplateDirectiveMarker EndForMarker { get; }

    public SourceRange OpenRange => RangeOf(ForMarker.StartOffset, ForMarker.EndOffset);

    public SourceRange CloseRange => RangeOf(EndForMarker.StartOffset, EndForMarker.EndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Collection, Body];
}
