namespace Provisioner.Engine.Planning;

/// <summary>
/// Every step of <paramref name="Steps"/> runs after every step of <paramref name="After"/>: a batch boundary
/// (members changed in batches, decision 0006), which the executor builds with one barrier step, so it costs
/// <c>Steps.Count + After.Count</c> edges instead of their product. Steps the plan does not have are ignored.
/// </summary>
public sealed record StepBarrier(IReadOnlyList<StepRef> Steps, IReadOnlyList<StepRef> After)
{
    public override string ToString() => $"{Steps.Count} step(s) after {After.Count} step(s): {string.Join(", ", Steps)} after {string.Join(", ", After)}";
}
