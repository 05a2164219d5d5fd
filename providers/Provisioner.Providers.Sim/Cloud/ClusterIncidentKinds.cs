namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The kinds of incident the simulated node software records: each is an ordering violation a real cluster
/// would suffer from.</summary>
public static class ClusterIncidentKinds
{
    /// <summary>A machine was destroyed while its etcd member still existed.</summary>
    public const string MachineDestroyedWithEtcdMember = "machine_destroyed_with_etcd_member";

    /// <summary>A machine was destroyed while its node was joined and not drained.</summary>
    public const string MachineDestroyedWhileJoined = "machine_destroyed_while_joined";

    /// <summary>Fewer healthy etcd members than a quorum of the membership.</summary>
    public const string QuorumLost = "quorum_lost";

    /// <summary>A node joined (or became an etcd member) before its machine existed.</summary>
    public const string JoinedBeforeMachine = "joined_before_machine";

    /// <summary>A control-plane node joined before the load balancer in front of the cluster's API endpoint had registered it.</summary>
    public const string JoinedBeforeLoadBalancer = "joined_before_load_balancer";

    /// <summary>A control-plane node's target was deregistered from the load balancer in front of the cluster's API
    /// endpoint while the node was still joined (the node must leave the cluster first).</summary>
    public const string DeregisteredWhileJoined = "deregistered_while_joined";

    /// <summary>An etcd membership change started while another one was in flight.</summary>
    public const string ConcurrentEtcdChange = "concurrent_etcd_change";
}
