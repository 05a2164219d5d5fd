namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The cluster every scenario starts from (3 etcd + control-plane nodes behind the API load balancer, 5 workers) and
/// the checks of a settled cluster.
/// </summary>
internal static class BaseCluster
{
    public static ClusterConfig Config { get; } = new();

    public static IReadOnlyList<string> ControlPlaneNames(IReadOnlyDictionary<string, string> live) =>
        [.. live.Values.Where(n => n.StartsWith("cp-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> WorkerNames(IReadOnlyDictionary<string, string> live) =>
        [.. live.Values.Where(n => n.StartsWith("workers-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Names(string pool, params int[] numbers) => [.. numbers.Select(n => $"{pool}-{n}").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Range(string pool, int from, int to) => Names(pool, [.. Enumerable.Range(from, to - from + 1)]);

    /// <summary>Applies <paramref name="config"/> (default <see cref="Config"/>) in an empty workspace and checks the
    /// creation order of every node and the settled cluster.</summary>
    public static async Task<IReadOnlyList<SimEvent>> CreateAsync(ClusterWorkspace ws, ClusterConfig? config = null)
    {
        config ??= Config;
        var (_, events) = await ws.ApplyAsync(config);
        foreach (var cp in Range("cp", 1, config.ControlPlanes))
            Guarantees.NodeAdded(events, cp, loadBalanced: true, etcd: true);
        foreach (var w in Range("workers", 1, config.Workers))
            Guarantees.NodeAdded(events, w, loadBalanced: false, etcd: false);
        Settled(ws.History(), Range("cp", 1, config.ControlPlanes), Range("workers", 1, config.Workers), config.KubernetesVersion);
        return events;
    }

    /// <summary>
    /// The cluster has settled on exactly these nodes: one live machine each, all joined at <paramref name="version"/>,
    /// the control-plane nodes are the etcd members and the load balancer's targets, etcd changed one at a time over
    /// the whole history, and the simulation saw no incident.
    /// </summary>
    public static void Settled(SimHistory h, IReadOnlyList<string> controlPlanes, IReadOnlyList<string> workers, string version)
    {
        Guarantees.ZeroIncidents(h);
        Guarantees.EtcdChangesOneAtATime(h.Events);
        var live = h.LiveMachines();
        Assert.Equal(controlPlanes, ControlPlaneNames(live));
        Assert.Equal(workers, WorkerNames(live));
        Assert.Equal(live.Count, live.Values.Distinct().Count());
        var joined = h.Joined();
        Assert.Equal([.. controlPlanes.Concat(workers).Order(StringComparer.Ordinal)], joined.Keys.Order(StringComparer.Ordinal));
        foreach (var (node, (machine, v)) in joined)
        {
            Assert.True(live.TryGetValue(machine, out var owner) && owner == node, $"node {node} is joined on machine {machine}, which is not its live machine");
            Assert.Equal(version, v);
        }
        Assert.Equal(controlPlanes, h.EtcdMembers());
        Assert.Equal(controlPlanes, h.LoadBalancerTargets());
    }
}
