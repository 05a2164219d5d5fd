namespace Provisioner.Sdk.Bootstrap;

/// <summary>The node roles of an RKE-style cluster.</summary>
public static class NodeRoles
{
    public const string Etcd = "etcd";
    public const string ControlPlane = "controlplane";
    public const string Worker = "worker";

    public static IReadOnlyList<string> All { get; } = [Etcd, ControlPlane, Worker];
}
