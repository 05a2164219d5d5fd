namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: plans that would lose etcd quorum are refused, naming the nodes; the safe rolling
/// variant of the same change is accepted and replaces the etcd nodes one at a time.</summary>
public sealed class UnsafePlanScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task QuorumLosingPlans_AreRefusedNamingTheNodes_AndChangeNothing_TheRollingVariantReplacesOneAtATime()
    {
        await BaseCluster.CreateAsync(_ws);
        var before = _ws.History().Events.Count;

        // Shrinking 3 -> 1 in one apply removes a majority.
        _ws.Write(BaseCluster.Config with { ControlPlanes = 1 });
        var shrink = await _ws.RunAsync("plan", "-no-color");
        Assert.True(shrink.Code != 0, "cp 3 -> 1 must be refused\n" + shrink);
        var text = shrink.Out + shrink.Err;
        Assert.Contains("quorum", text, StringComparison.Ordinal);
        Assert.Contains("cp-1", text, StringComparison.Ordinal);
        Assert.Contains("cp-2", text, StringComparison.Ordinal);

        // Replacing every etcd node at once: a template change with no surge and everything unavailable.
        var all = BaseCluster.Config with { ControlPlaneSize = "medium", ControlPlaneMaxSurge = 0, ControlPlaneMaxUnavailable = 3 };
        _ws.Write(all);
        var replaceAll = await _ws.RunAsync("apply", "-auto-approve", "-no-color");
        Assert.True(replaceAll.Code != 0, "replacing every etcd node at once must be refused\n" + replaceAll);
        text = replaceAll.Out + replaceAll.Err;
        Assert.Contains("quorum", text, StringComparison.Ordinal);
        foreach (var cp in BaseCluster.Range("cp", 1, 3))
            Assert.Contains(cp, text, StringComparison.Ordinal);

        // Nothing happened in the cloud or the cluster.
        var h = _ws.History();
        Assert.True(h.Events.Count == before, "a refused plan changed something:\n" + SimHistory.Describe(h.Since(before)));

        // The same template change rolled with surge (each new member joins before an old one leaves) is accepted,
        // and applying it replaces every etcd node, one membership change at a time, never below three members.
        var rolling = all with { ControlPlaneMaxSurge = 1, ControlPlaneMaxUnavailable = 0 };
        _ws.Write(rolling);
        var plan = await _ws.RunAsync("plan", "-detailed-exitcode", "-no-color");
        Assert.True(plan.Code == 2, "a rolling replacement with surge is safe and must be planned\n" + plan);
        var (_, roll) = await _ws.ApplyAsync(rolling);
        foreach (var cp in BaseCluster.Range("cp", 4, 6))
            Guarantees.NodeAdded(roll, cp, loadBalanced: true, etcd: true);
        foreach (var cp in BaseCluster.Range("cp", 1, 3))
            Guarantees.NodeRemoved(roll, cp, loadBalanced: true, etcd: true);
        var members = 3;
        foreach (var e in roll)
        {
            members += e.Op switch { "etcd_add" => 1, "etcd_remove" => -1, _ => 0 };
            Assert.True(members is >= 3 and <= 4, $"{members} etcd members after {e}: the roll must add one before removing one\n" + SimHistory.Describe(roll.Where(x => x.Op.StartsWith("etcd_", StringComparison.Ordinal))));
        }
        BaseCluster.Settled(_ws.History(), BaseCluster.Range("cp", 4, 6), BaseCluster.Range("workers", 1, 5), BaseCluster.Config.KubernetesVersion);
    }
}
