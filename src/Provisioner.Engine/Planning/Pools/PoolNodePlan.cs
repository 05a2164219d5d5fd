namespace Provisioner.Engine.Planning.Pools;

/// <summary>The expander's decision for one node key.</summary>
/// <param name="Key">The node key.</param>
/// <param name="N">Its number in the pool.</param>
/// <param name="Fate">Kept, created or deleted.</param>
/// <param name="Reason">Why, in words for the plan (empty for kept nodes).</param>
/// <param name="Sequence">Where its step falls in the pool's rollout (0 for steps without order); members are chained in this order.</param>
internal sealed record PoolNodePlan(string Key, long N, PoolNodeFate Fate, string Reason, int Sequence);
