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

    /// <summary>Machines killed (<see cref="NodeSoftwareKnobs.Kill"/>, <c>provisioner sim kill</c>) that the cloud
    /// still lists, sorted by id.</summary>
    public IReadOnlyList<string> DeadMachines { get; init; } = [];

    /// <summary>Nodes with a failure knob set (a join left to fail or a slow drain), sorted by node.</summary>
    public IReadOnlyList<ClusterNodeKnobs> Knobs { get; init; } = [];

    /// <summary>The simulated clusters of the inventory in <paramref name="inventoryDir"/> (empty when it has none).</summary>
    public static ClusterSnapshot Read(string inventoryDir, CancellationToken ct = default) => ClusterSimulation.Snapshot(inventoryDir, ct);
}
