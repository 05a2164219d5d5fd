using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: a machine killed outside Provisioner is shown as drift and replaced on the next apply.</summary>
public sealed class KilledMachineScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task KilledWorkerAndEtcdNode_ShowAsDrift_AreReplacedInOrder_ZeroIncidents()
    {
        await BaseCluster.CreateAsync(_ws);
        var h = _ws.History();
        var deadWorker = h.MachineOf("workers-2")!;
        var deadCp = h.MachineOf("cp-2")!;
        // One through the CLI (by node name), one through the knob (by machine id).
        Assert.Contains($"Machine {deadWorker} (workers-2) killed", await _ws.OkAsync("sim", "kill", "-dir", ClusterWorkspace.InventoryDirName, "workers-2"), StringComparison.Ordinal);
        NodeSoftwareKnobs.Kill(_ws.InventoryDir, deadCp);
        Assert.True(NodeSoftwareKnobs.IsDead(_ws.InventoryDir, deadWorker));
        Guarantees.ZeroIncidents(_ws.History()); // one dead etcd member of three keeps quorum

        var plan = await _ws.RunAsync("plan", "-detailed-exitcode", "-no-color");
        Assert.True(plan.Code == 2, "a dead machine must be planned for\n" + plan);
        Assert.Contains("changed outside of Provisioner", plan.Out, StringComparison.Ordinal);
        Assert.Contains("sim_node_pool.workers[\"workers-2\"]", plan.Out, StringComparison.Ordinal);
        Assert.Contains("sim_node_pool.cp[\"cp-2\"]", plan.Out, StringComparison.Ordinal);

        var mark = _ws.History().Events.Count;
        await _ws.OkAsync("apply", "-auto-approve", "-no-color");
        h = _ws.History();
        var events = h.Since(mark);
        Assert.Equal(new[] { deadCp, deadWorker }.Order(StringComparer.Ordinal), events.Where(e => e.Op == "machine_destroy").Select(e => e.Machine!).Order(StringComparer.Ordinal));
        Guarantees.NodeRemoved(events, "cp-2", loadBalanced: true, etcd: true);
        Guarantees.NodeRemoved(events, "workers-2", loadBalanced: false, etcd: false);
        var created = events.Where(e => e.Op == "machine_create").Select(e => e.Node).ToList();
        Assert.Equal(2, created.Count);
        Assert.Contains(created, n => n.StartsWith("cp-", StringComparison.Ordinal));
        foreach (var node in created)
            Guarantees.NodeAdded(events, node, loadBalanced: node.StartsWith("cp-", StringComparison.Ordinal), etcd: node.StartsWith("cp-", StringComparison.Ordinal));

        var live = h.LiveMachines();
        Assert.DoesNotContain(deadWorker, live.Keys);
        Assert.DoesNotContain(deadCp, live.Keys);
        BaseCluster.Settled(h, BaseCluster.ControlPlaneNames(live), BaseCluster.WorkerNames(live), BaseCluster.Config.KubernetesVersion);
        Assert.Equal(3, BaseCluster.ControlPlaneNames(live).Count);
        Assert.Equal(5, BaseCluster.WorkerNames(live).Count);

        var after = await _ws.RunAsync("plan", "-detailed-exitcode", "-no-color");
        Assert.True(after.Code == 0, "the replaced cluster plans no change\n" + after);
    }
}
