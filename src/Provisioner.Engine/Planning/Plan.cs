using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The planner's output and the executor's program: one <see cref="ResourceInstanceChange"/> per resource instance
/// (no-ops included, in address order), the drift found by refresh, the root outputs' changes, and what the plan was
/// made against (state lineage and serial, variables, options), so <c>apply FILE</c> can refuse a stale plan.
/// </summary>
/// <param name="Mode">Normal, destroy or refresh-only.</param>
/// <param name="PriorLineage">The lineage of the state the plan was made against (a new lineage when there was none).</param>
/// <param name="PriorSerial">Its serial (0 when there was no state).</param>
/// <param name="Changes">Every resource instance in configuration or state, in address order; no-ops included.</param>
/// <param name="Drift">Objects that changed outside Provisioner (refreshed vs recorded): <see cref="ChangeAction.Update"/>
/// for a changed object, <see cref="ChangeAction.Delete"/> for one deleted outside. Shown apart from the changes.</param>
/// <param name="OutputChanges">Root module outputs, in name order.</param>
/// <param name="Variables">The root module's input variable values the plan used.</param>
/// <param name="Options">The options the plan was made with.</param>
/// <param name="Diagnostics">Warnings (a plan with errors is not returned as applyable).</param>
public sealed record Plan(
    PlanMode Mode,
    string PriorLineage,
    long PriorSerial,
    IReadOnlyList<ResourceInstanceChange> Changes,
    IReadOnlyList<ResourceInstanceChange> Drift,
    IReadOnlyList<OutputChange> OutputChanges,
    IReadOnlyDictionary<string, HclValue> Variables,
    PlanOptions Options,
    DiagnosticList Diagnostics)
{
    /// <summary>
    /// Step ordering beyond the resources' dependencies (node pools and their members, decision 0006): each entry
    /// makes one instance's create/update or delete step wait for another's. Derived again whenever the plan is.
    /// </summary>
    public IReadOnlyList<StepOrder> StepOrders { get; init; } = [];

    /// <summary>Batch boundaries beyond the resources' dependencies (members changed in batches, decision 0006): each
    /// entry makes a set of steps wait for every step of another set. Derived again whenever the plan is.</summary>
    public IReadOnlyList<StepBarrier> StepBarriers { get; init; } = [];

    /// <summary>Counts for the summary line (<c>Plan: 1 to add, ...</c>).</summary>
    public PlanSummary Summary => PlanSummary.Of(Changes);

    /// <summary>True when applying would change something: a resource, an output, or (refresh-only) recorded drift.</summary>
    public bool HasChanges =>
        !Summary.IsEmpty ||
        Changes.Any(c => c.Action is ChangeAction.Forget) ||
        OutputChanges.Any(o => o.Action != ChangeAction.NoOp) ||
        (Mode == PlanMode.RefreshOnly && Drift.Count > 0);

    /// <summary>The change for an instance, or null.</summary>
    public ResourceInstanceChange? Find(ResourceInstanceAddress address) =>
        Changes.FirstOrDefault(c => c.Address.Equals(address) && c.Deposed is null);
}
