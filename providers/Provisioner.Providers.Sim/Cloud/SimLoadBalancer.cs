namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A load balancer as the simulated cloud records it, with the nodes registered as its targets.</summary>
/// <param name="Id">Cloud id, <c>lb-</c> + 8 hex digits.</param>
/// <param name="Address">Its virtual address (from 172.16.0.0/12, derived from the id).</param>
/// <param name="DnsName">Its DNS name: <c>&lt;name&gt;-&lt;id&gt;.lb.sim.internal</c>.</param>
/// <param name="Targets">Registered targets, sorted by node name. Load balancers the cloud hands out hold them in an
/// immutable balanced tree (<see cref="SimLbTargets"/>): <see cref="Target"/> finds one in O(log N).</param>
public sealed record SimLoadBalancer(
    string Id,
    string Name,
    IReadOnlyList<SimListener> Listeners,
    SimHealthCheck? HealthCheck,
    string Address,
    string DnsName,
    IReadOnlyList<SimLbTarget> Targets,
    DateTimeOffset CreatedAt)
{
    /// <summary>The target registered under <paramref name="nodeName"/>, or null: O(log N) on the cloud's own load
    /// balancers, a scan on others.</summary>
    public SimLbTarget? Target(string nodeName) => SimLbTargets.Find(Targets, nodeName);
}
