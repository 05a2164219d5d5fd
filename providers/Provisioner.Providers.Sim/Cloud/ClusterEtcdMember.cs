namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An etcd member of a simulated cluster.</summary>
/// <param name="Healthy">Its machine exists and is not dead.</param>
public sealed record ClusterEtcdMember(string Cluster, string Node, string Machine, DateTimeOffset AddedAt, bool Healthy);
