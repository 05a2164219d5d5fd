namespace Provisioner.Sdk.Bootstrap;

/// <summary>
/// What a cluster bootstrap asks of one node's software: the RKE-shaped steps of design §6, each idempotent, each
/// answering with a <see cref="NodeStepResult"/> (failures are values, never exceptions). A driver is chosen by the
/// scheme of the node's <c>bootstrap</c> URI (<c>sim:</c> for the sim provider's simulated node software,
/// <c>ssh://</c> for real hosts) through a <see cref="NodeDriverRegistry"/>.
/// </summary>
/// <remarks>
/// <para>Order (the caller's job, enforced by the engine's graph): creating a node runs <see cref="ProbeAsync"/> →
/// <see cref="InstallRuntimeAsync"/> → <see cref="AddEtcdMemberAsync"/> (etcd role) → <see cref="StartControlPlaneAsync"/>
/// (controlplane role) → <see cref="JoinAsync"/>; removing one runs <see cref="CordonDrainAsync"/> →
/// <see cref="RemoveEtcdMemberAsync"/> (etcd role) → <see cref="LeaveAsync"/>. etcd membership changes one member at a
/// time per cluster; a driver may refuse a second concurrent change.</para>
/// <para>Every step may be repeated after a failure or a crash: a step already done answers success and changes
/// nothing. Only <see cref="OperationCanceledException"/> may be thrown, when <c>ct</c> is cancelled.</para>
/// </remarks>
public interface INodeDriver
{
    /// <summary>Checks the node is reachable and its host key is the pinned one (<see cref="NodeTarget.HostKey"/>):
    /// a different key is an error, never accepted silently. Answers the key the node presented.</summary>
    Task<NodeProbeResult> ProbeAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Installs the container runtime (containerd + runc) from <see cref="ClusterRef.Artifacts"/>.</summary>
    Task<NodeStepResult> InstallRuntimeAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Adds the node as an etcd member (runs against the cluster's etcd) and starts it; health checked.</summary>
    Task<NodeStepResult> AddEtcdMemberAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Removes the node's etcd member; runs against the cluster's etcd (the other members), so it works even
    /// when the node itself is gone.</summary>
    Task<NodeStepResult> RemoveEtcdMemberAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Starts kube-apiserver, controller-manager and scheduler at <see cref="ClusterRef.KubernetesVersion"/>.</summary>
    Task<NodeStepResult> StartControlPlaneAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Starts kubelet and kube-proxy and registers the node with the cluster (every role joins as a node).</summary>
    Task<NodeStepResult> JoinAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Cordons the node and, when <paramref name="drain"/>, evicts its workloads.</summary>
    Task<NodeStepResult> CordonDrainAsync(ClusterRef cluster, NodeTarget node, bool drain, CancellationToken ct);

    /// <summary>Deletes the node from the cluster and stops its Kubernetes components.</summary>
    Task<NodeStepResult> LeaveAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);

    /// <summary>Upgrades the node's components (control plane if it has the role, then kubelet) to
    /// <paramref name="kubernetesVersion"/>; cordons and drains first when <paramref name="drain"/>, uncordons after.</summary>
    Task<NodeStepResult> UpgradeAsync(ClusterRef cluster, NodeTarget node, string kubernetesVersion, bool drain, CancellationToken ct);

    /// <summary>What the node's software reports now (for refresh): joined or not, version, readiness.</summary>
    Task<NodeStatusResult> StatusAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct);
}
