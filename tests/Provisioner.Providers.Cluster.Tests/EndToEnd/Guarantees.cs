using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The ordering guarantees of issue 5 (decision 0006), checked on a <see cref="SimHistory"/> timeline: each method
/// fails with the node's own events when the order is broken.
/// </summary>
internal static class Guarantees
{
    public static void ZeroIncidents(SimHistory history) =>
        Assert.True(history.Incidents.Count == 0, "The simulated cluster saw incidents:\n" + SimHistory.Describe(history.Incidents));

    /// <summary>Adding a node: machine created → registered with the load balancer (if it is a target) → etcd member
    /// added (if etcd) → joined.</summary>
    public static void NodeAdded(IReadOnlyList<SimEvent> events, string node, bool loadBalanced, bool etcd)
    {
        var mine = events.Where(e => e.Node == node).ToList();
        string Why(string what) => $"{what} (node {node}):\n{SimHistory.Describe(mine)}";
        var create = mine.FirstOrDefault(e => e.Op == "machine_create");
        Assert.True(create is not null, Why("no machine was created"));
        var join = mine.FirstOrDefault(e => e.Op == ClusterOps.Join && e.Seq > create.Seq && e.Machine == create.Machine);
        Assert.True(join is not null, Why("the node did not join on its machine after it was created"));
        var firstStep = mine.FirstOrDefault(e => e.Op is ClusterOps.Runtime or ClusterOps.EtcdBegin or ClusterOps.ControlPlane or ClusterOps.Join);
        Assert.True(firstStep is not null && firstStep.Seq > create.Seq, Why("the node software was driven before the machine existed"));
        if (loadBalanced)
        {
            var register = mine.FirstOrDefault(e => e.Op == "lb_register" && e.Seq > create.Seq);
            Assert.True(register is not null, Why("the node was never registered with the load balancer"));
            Assert.True(register.Seq < firstStep.Seq, Why("the node software was driven before the load balancer registered the node"));
        }
        if (etcd)
        {
            var add = mine.FirstOrDefault(e => e.Op == ClusterOps.EtcdAdd && e.Seq > create.Seq);
            Assert.True(add is not null && add.Seq < join.Seq, Why("the etcd member was not added between machine creation and join"));
        }
    }

    /// <summary>Removing a node: drained → etcd member removed (if etcd) → left → deregistered from the load balancer
    /// (if it was a target) → machine destroyed.</summary>
    public static void NodeRemoved(IReadOnlyList<SimEvent> events, string node, bool loadBalanced, bool etcd)
    {
        var mine = events.Where(e => e.Node == node).ToList();
        string Why(string what) => $"{what} (node {node}):\n{SimHistory.Describe(mine)}";
        var destroy = mine.LastOrDefault(e => e.Op == "machine_destroy");
        Assert.True(destroy is not null, Why("the machine was not destroyed"));
        var drain = mine.LastOrDefault(e => e.Op == ClusterOps.Drain && e.Seq < destroy.Seq);
        Assert.True(drain is not null, Why("the node was not drained before its machine was destroyed"));
        var previous = drain;
        if (etcd)
        {
            var remove = mine.LastOrDefault(e => e.Op == ClusterOps.EtcdRemove && e.Seq < destroy.Seq);
            Assert.True(remove is not null && remove.Seq > previous.Seq, Why("the etcd member was not removed after the drain and before the machine was destroyed"));
            previous = remove;
        }
        var leave = mine.LastOrDefault(e => e.Op == ClusterOps.Leave && e.Seq < destroy.Seq);
        Assert.True(leave is not null && leave.Seq > previous.Seq, Why("the node did not leave the cluster after the drain (and etcd removal) and before the machine was destroyed"));
        previous = leave;
        if (loadBalanced)
        {
            var deregister = mine.LastOrDefault(e => e.Op == "lb_deregister" && e.Seq < destroy.Seq);
            Assert.True(deregister is not null && deregister.Seq > previous.Seq, Why("the node was not deregistered after leaving and before its machine was destroyed"));
        }
        Assert.DoesNotContain(mine, e => e.Seq > destroy.Seq && e.Machine == destroy.Machine && e.Op != ClusterOps.Incident && e.Op != "machine_destroy");
    }

    /// <summary>etcd membership changes strictly one at a time: no change begins while another is in flight.</summary>
    public static void EtcdChangesOneAtATime(IReadOnlyList<SimEvent> events)
    {
        string? inFlight = null;
        foreach (var e in events)
        {
            switch (e.Op)
            {
                case ClusterOps.EtcdBegin:
                    Assert.True(inFlight is null || inFlight == e.Node,
                        $"etcd change of {e.Node} began while the change of {inFlight} was in flight:\n{SimHistory.Describe(events.Where(x => x.Op.StartsWith("etcd_", StringComparison.Ordinal)))}");
                    inFlight = e.Node;
                    break;
                case ClusterOps.EtcdAdd or ClusterOps.EtcdRemove or ClusterOps.EtcdAbort when e.Node == inFlight:
                    inFlight = null;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// When each node was out of service for an upgrade to <paramref name="version"/>: from its first cordon (or the
    /// upgrade itself, when it was not cordoned) to the uncordon after its upgrade.
    /// </summary>
    public static IReadOnlyDictionary<string, (int Start, int End)> UpgradeWindows(IReadOnlyList<SimEvent> events, string version)
    {
        var windows = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var up in events.Where(e => e.Op == ClusterOps.Upgrade && e.Version == version))
        {
            var mine = events.Where(e => e.Node == up.Node).ToList();
            var start = mine.FirstOrDefault(e => e.Op == ClusterOps.Cordon && e.Seq < up.Seq)?.Seq ?? up.Seq;
            var end = mine.FirstOrDefault(e => e.Op == ClusterOps.Uncordon && e.Seq >= up.Seq)?.Seq ?? up.Seq;
            windows[up.Node] = (start, end);
        }
        return windows;
    }

    /// <summary>The most windows open at the same time.</summary>
    public static int MaxOverlap(IEnumerable<(int Start, int End)> windows)
    {
        var points = windows.SelectMany(w => new[] { (At: w.Start, Delta: 1), (At: w.End, Delta: -1) })
            .OrderBy(p => p.At).ThenBy(p => p.Delta).ToList();
        int open = 0, max = 0;
        foreach (var (_, delta) in points)
        {
            open += delta;
            max = Math.Max(max, open);
        }
        return max;
    }
}
