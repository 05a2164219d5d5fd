using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>The value of an expression and the diagnostics its evaluation produced.</summary>
/// <remarks>When <see cref="Diagnostics"/> has errors, <see cref="Value"/> is a placeholder (usually <c>DynamicVal</c>).</remarks>
public sealed record EvalResult(HclValue Value, DiagnosticList Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;
}
