using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>An expression that always evaluates to a fixed value (HCL's <c>hcl.StaticExpr</c>).</summary>
public sealed class StaticExpression(HclValue value, SourceRange range) : IHclExpression
{
    public HclValue Value { get; } = value;

    public SourceRange Range { get; } = range;

    public SourceRange StartRange => Range;

    public EvalResult Evaluate(EvalContext? ctx) => new(Value, new DiagnosticList());

    public IReadOnlyList<Traversal> Variables() => [];
}
