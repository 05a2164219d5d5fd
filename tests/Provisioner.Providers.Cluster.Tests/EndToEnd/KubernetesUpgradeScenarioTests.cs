using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: change kubernetes_version: control-plane nodes one at a time, then workers in batches of
/// max_unavailable_worker.</summary>
public sealed class KubernetesUpgradeScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task VersionChange_UpgradesControlPlaneOneAtATime_ThenWorkersInBatches_NoMachineChanges()
    {
        var config = BaseCluster.Config with { MaxUnavailableWorker = "2" };
        await BaseCluster.CreateAsync(_ws, config);
        // Slow drains keep each node out of service long enough that upgrades allowed to overlap do overlap, and
        // upgrades that must not overlap would be seen doing so.
        foreach (var node in BaseCluster.Range("cp", 1, 3).Concat(BaseCluster.Range("workers", 1, 5)))
            NodeSoftwareKnobs.SlowDrain(_ws.InventoryDir, node, TimeSpan.FromMilliseconds(300));

        const string Next = "v1.31.1";
        var (_, upgrade) = await _ws.ApplyAsync(config with { KubernetesVersion = Next });
        Assert.DoesNotContain(upgrade, e => e.Op.StartsWith("machine_", StringComparison.Ordinal) || e.Op.StartsWith("etcd_", StringComparison.Ordinal) || e.Op.StartsWith("lb_", StringComparison.Ordinal));

        var windows = Guarantees.UpgradeWindows(upgrade, Next);
        var cps = BaseCluster.Range("cp", 1, 3);
        var workers = BaseCluster.Range("workers", 1, 5);
        Assert.Equal([.. cps.Concat(workers)], windows.Keys.Order(StringComparer.Ordinal));
        var timeline = SimHistory.Describe(upgrade.Where(e => e.Op is "cordon" or "drain" or "upgrade" or "uncordon"));
        var cpWindows = cps.Select(n => windows[n]).ToList();
        var workerWindows = workers.Select(n => windows[n]).ToList();
        Assert.True(Guarantees.MaxOverlap(cpWindows) == 1, "control-plane nodes upgraded at the same time:\n" + timeline);
        Assert.True(cpWindows.Max(w => w.End) < workerWindows.Min(w => w.Start), "a worker was upgraded before the control plane was done:\n" + timeline);
        Assert.True(Guarantees.MaxOverlap(workerWindows) == 2, "workers must be upgraded in batches of max_unavailable_worker = 2:\n" + timeline);

        BaseCluster.Settled(_ws.History(), cps, workers, Next);
    }
}
