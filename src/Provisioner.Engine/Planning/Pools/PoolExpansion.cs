namespace Provisioner.Engine.Planning.Pools;

/// <summary>The result of <see cref="PoolExpander.Expand"/>.</summary>
/// <param name="Revision">The template revision of the current configuration.</param>
/// <param name="Nodes">Every key kept, created or deleted, ordered by node number.</param>
/// <param name="Orders">Step ordering between the pool's own instances (the rolling batches).</param>
/// <param name="Replacements">Rolled nodes and their replacements, in rollout order.</param>
internal sealed record PoolExpansion(
    long Revision,
    IReadOnlyList<PoolNodePlan> Nodes,
    IReadOnlyList<PoolStepOrder> Orders,
    IReadOnlyList<PoolReplacement> Replacements);
