namespace Provisioner.Sdk.Bootstrap;

/// <summary>What a node's software reports.</summary>
/// <param name="Exists">The machine answers at all (false: it is gone).</param>
/// <param name="Joined">It is a node of the cluster.</param>
/// <param name="Ready">The kubelet reports Ready.</param>
/// <param name="EtcdMember">It is an etcd member of the cluster.</param>
/// <param name="KubernetesVersion">The version it runs (null when not joined).</param>
/// <param name="Cordoned">Unschedulable.</param>
/// <param name="Error">Null, or why the status could not be read.</param>
public sealed record NodeStatusResult(
    bool Exists,
    bool Joined,
    bool Ready,
    bool EtcdMember,
    string? KubernetesVersion,
    bool Cordoned,
    string? Error = null);
