using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A template <c>%{ if cond }...%{ else }...%{ endif }</c> directive (HCL represents it as a
/// <c>ConditionalExpr</c> whose arms are templates). The missing else arm is an empty template.
/// </summary>
public sealed class TemplateIfExpr : Expression
{
    internal TemplateIfExpr(SourceMap map, int start, int end, Expression condition, TemplateExpr trueResult, TemplateExpr falseResult,
        TemplateDirectiveMarker ifMarker, TemplateDirectiveMarker? elseMarker, TemplateDirectiveMarker endIfMarker)
        : base(map, start, end)
    {
        Condition = condition;
        TrueResult = trueResult;
        FalseResult = falseResult;
        IfMarker = ifMarker;
        ElseMarker = elseMarker;
        EndIfMarker = endIfMarker;
    }

    public Expression Condition { get; }

    public TemplateExpr TrueResult { get; }

    public TemplateExpr FalseResult { get; }

    public TemplateDirectiveMarker IfMarker { get; }

    public TemplateDirectiveMarker? ElseMarker { get; }

    public TemplateDirectiveMarker EndIfMarker { get; }

    public SourceRange IfRange => RangeOf(IfMarker.StartOffset, IfMarker.EndOffset);

    /// <summary>The <c>%{ else }</c> sequence, or null when there is no else clause.</summary>
    public SourceRange? ElseRange => ElseMarker is { } m ? RangeOf(m.StartOffset, m.EndOffset) : null;

    public SourceRange EndIfRange => RangeOf(EndIfMarker.StartOffset, EndIfMarker.EndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Condition, TrueResult, FalseResult];
}
