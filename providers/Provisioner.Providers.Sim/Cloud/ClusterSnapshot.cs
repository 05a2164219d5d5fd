namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The simulated clusters at one moment: what <c>provisioner sim inventory</c> prints next to the machines.</summary>
/// <param name="EtcdMembers">Sorted by cluster, then node.</param>
/// <param name="JoinedNodes">Sorted by cluster, then node.</param>
/// <param name="Incidents">In the order they happened.</param>
public sealed record ClusterSnapshot(
    IReadOnlyList<ClusterEtcdMember> EtcdMembers,
    IReadOnlyList<ClusterJoinedNode> JoinedNodes,
    IReadOnlyList<ClusterIncident> Incidents)
{
    public static ClusterSnapshot Empty { get; } = new([], [], []);

    /// <summary>The simulated clusters of the inventory in <paramref name="inventoryDir"/> (empty when it has none).</summary>
    public static ClusterSnapshot Read(string inventoryDir, CancellationToken ct = default) => ClusterSimulation.Snapshot(inventoryDir, ct);
}
