namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The failure knobs set for one node (by a <c>sim_node_pool</c> <c>failure</c> block or
/// <see cref="NodeSoftwareKnobs"/>).</summary>
/// <param name="Node">The node's name.</param>
/// <param name="FailJoinsLeft">How many of its next joins fail.</param>
/// <param name="SlowDrainMs">How long draining it takes, in milliseconds.</param>
public sealed record ClusterNodeKnobs(string Node, int FailJoinsLeft, long SlowDrainMs);
