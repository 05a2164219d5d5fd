namespace Provisioner.Sdk.Bootstrap;

/// <summary>One node as the bootstrap sees it (from a node pool's <c>nodes</c> list).</summary>
/// <param name="Name">The node's stable name, its identity (<c>workers-7</c>); never its address.</param>
/// <param name="Id">The machine's provider id.</param>
/// <param name="Bootstrap">How to reach the node software: <c>sim:&lt;inventory dir&gt;/&lt;machine id&gt;</c> or <c>ssh://user@host:port</c>.</param>
/// <param name="Address">Public address.</param>
/// <param name="InternalAddress">Address inside the cluster network (etcd peers, kubelet).</param>
/// <param name="Roles"><c>etcd</c>, <c>controlplane</c>, <c>worker</c>, any combination.</param>
/// <param name="HostKey">The pinned host key recorded when the machine was created (null: none recorded yet).</param>
/// <param name="Ssh">SSH settings (user, key file, port, bastion) when the driver uses SSH.</param>
public sealed record NodeTarget(
    string Name,
    string Id,
    string Bootstrap,
    string Address,
    string InternalAddress,
    IReadOnlyList<string> Roles,
    string? HostKey = null,
    NodeSsh? Ssh = null)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
