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

    /// <summary>Where events go from now on (the CLI switches views between planning and applying).</summary>
    public Events.IEngineEvents Events
    {
        get => Walk.Events;
        set => Walk.Events = value;
    }

    /// <summary>
    /// The state the plan was made against, as a plan file stores it: the prior state with <c>moved</c> blocks and
    /// refresh results applied, so applying the saved plan derives exactly the same changes without refreshing again.
    /// </summary>
    public byte[] PriorStateForPlanFile()
    {
        var clone = State.StateJson.Read(State.StateJson.Serialize(Walk.Prior)).Snapshot!;
        if (Plan is not null)
        {
            var recorder = new Execution.StateRecorder(clone);
            Execution.RefreshResults.Record(Walk, Plan, recorder);
            recorder.Tidy();
        }
        return State.StateJson.Serialize(clone);
    }

    /// <summary>The prior state the plan was made against (with <c>moved</c> blocks applied); apply records results into it.</summary>
    public State.StateSnapshot PriorState => Walk.Prior;
}
