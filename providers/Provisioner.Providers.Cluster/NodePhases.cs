namespace Provisioner.Providers.Cluster;

/// <summary>The values of <c>cluster_rke_node.phase</c>: <see cref="Ready"/>, or the step the next apply resumes at.</summary>
internal static class NodePhases
{
    public const string Ready = "ready";
    public const string Probe = "probe";
    public const string Runtime = "runtime";
    public const string Etcd = "etcd";
    public const string ControlPlane = "controlplane";
    public const string Join = "join";
    public const string Upgrade = "upgrade";
    public const string Drain = "drain";
    public const string EtcdRemove = "etcd_remove";
    public const string Leave = "leave";
}
