namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The simulated cloud's knobs, as seen by one client.</summary>
/// <param name="Latency">Every API call takes this long (reads in one batch pay once).</param>
/// <param name="Jitter">Each call's latency varies uniformly by up to this much either way.</param>
/// <param name="TransientErrorRate">Probability in [0, 1] that a call fails with a retriable error. Half of the
/// failed mutations fail after taking effect (the answer is lost), as real clouds do.</param>
/// <param name="Capacity">At most this many live machines (null: unlimited); a create beyond it fails with
/// <see cref="SimErrorCodes.InsufficientCapacity"/>.</param>
/// <param name="ConsistencyDelay">A machine is invisible to describe calls for this long after it was created.</param>
/// <param name="Seed">Seed of the randomness (jitter, transient errors); null for a random seed.</param>
public sealed record SimCloudOptions(
    TimeSpan Latency = default,
    TimeSpan Jitter = default,
    double TransientErrorRate = 0,
    int? Capacity = null,
    TimeSpan ConsistencyDelay = default,
    int? Seed = null)
{
    public static SimCloudOptions Default { get; } = new();
}
