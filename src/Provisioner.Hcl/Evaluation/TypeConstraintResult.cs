using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>A type (constraint) read from a type expression, its optional-attribute defaults, and diagnostics.</summary>
public sealed record TypeConstraintResult(HclType Type, HclTypeDefaults? Defaults, DiagnosticList Diagnostics)
{
    /// <summary>The type and defaults as one constraint.</summary>
    public HclTypeConstraint Constraint => new(Type, Defaults);

    public bool HasErrors => Diagnostics.HasErrors;
}
