using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The result of planning: the plan (null when planning failed), all diagnostics, and the evaluation session the
/// executor continues with (configured providers, evaluated scopes).
/// </summary>
public sealed class PlanOutcome
{
    internal PlanOutcome(Plan? plan, DiagnosticList diagnostics, PlanWalk walk)
    {
        Plan = plan;
        Diagnostics = diagnostics;
        Walk = walk;
    }

    public Plan? Plan { get; }

    public DiagnosticList Diagnostics { get; }

    internal PlanWalk Walk { get; }

    /// <summary>The prior state the plan was made against (with <c>moved</c> blocks applied); apply records results into it.</summary>
    public State.StateSnapshot PriorState => Walk.Prior;
}
