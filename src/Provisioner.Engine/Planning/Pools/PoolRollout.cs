namespace Provisioner.Engine.Planning.Pools;

/// <summary>A pool's <c>rollout</c> block.</summary>
/// <param name="MaxSurge">How many new nodes may exist ahead of the old ones they replace.</param>
/// <param name="MaxUnavailable">How many old nodes may be gone before their replacements exist.</param>
/// <param name="Policy">Which nodes a scale-down removes.</param>
internal sealed record PoolRollout(int MaxSurge, int MaxUnavailable, DeletePolicy Policy)
{
    public static PoolRollout Default { get; } = new(1, 0, DeletePolicy.Oldest);
}
