namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// One thing the simulated cloud or its node software recorded, from either log, in one timeline.
/// </summary>
/// <param name="Seq">Position in the merged timeline (0-based).</param>
/// <param name="At">When it was recorded (both logs are written under the inventory's lock, with the same clock).</param>
/// <param name="Op">
/// <c>machine_create</c>, <c>machine_update</c>, <c>machine_destroy</c>, <c>lb_register</c>, <c>lb_deregister</c> (from
/// the inventory), or a node-software op of <c>ClusterOps</c> (<c>etcd_begin</c>, <c>etcd_add</c>, <c>join</c>,
/// <c>drain</c>, <c>incident</c>, ...).
/// </param>
/// <param name="Node">The node's name (empty for a load balancer or cluster-wide record).</param>
/// <param name="Machine">The machine id, when the record names one.</param>
/// <param name="Version">Kubernetes version (join, upgrade).</param>
/// <param name="Detail">The incident kind and its words (op <c>incident</c>).</param>
internal sealed record SimEvent(int Seq, DateTimeOffset At, string Op, string Node, string? Machine, string? Version, string? Detail)
{
    public override string ToString() => $"#{Seq} {Op} {Node}{(Machine is null ? "" : $" ({Machine})")}{(Version is null ? "" : $" {Version}")}{(Detail is null ? "" : $": {Detail}")}";
}
