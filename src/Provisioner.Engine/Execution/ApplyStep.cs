using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Execution;

/// <summary>One vertex of the apply graph: one phase of one planned change. Compared by reference.</summary>
internal sealed class ApplyStep(ResourceInstanceChange change, StepPhase phase)
{
    public ResourceInstanceChange Change { get; } = change;

    public StepPhase Phase { get; } = phase;

    /// <summary>True for the delete half of a <see cref="ChangeAction.CreateThenDelete"/> (removes the deposed old object).</summary>
    public bool DeletesDeposed => Phase == StepPhase.Delete && (Change.Action == ChangeAction.CreateThenDelete || Change.Deposed is not null);

    public ChangeAction EventAction => Phase switch
    {
        StepPhase.Create => ChangeAction.Create,
        StepPhase.Update => ChangeAction.Update,
        StepPhase.Delete => ChangeAction.Delete,
        _ => ChangeAction.Read,
    };

    public override string ToString() => $"{Change.Address} ({Phase})";
}
