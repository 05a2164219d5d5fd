using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: a node that fails to join is retried on the next apply without recreating its machine.</summary>
public sealed class FailedJoinScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task NodeFailingToJoin_FailsTheApply_IsRetriedNextApplyOnTheSameMachine()
    {
        await BaseCluster.CreateAsync(_ws);
        NodeSoftwareKnobs.FailJoins(_ws.InventoryDir, "workers-6", 1);

        var six = BaseCluster.Config with { Workers = 6 };
        _ws.Write(six);
        var failed = await _ws.RunAsync("apply", "-auto-approve", "-no-color");
        Assert.True(failed.Code != 0, "the join of workers-6 fails, so the apply must fail\n" + failed);
        Assert.Contains("workers-6", failed.Out + failed.Err, StringComparison.Ordinal);
        var h = _ws.History();
        var machine = h.MachineOf("workers-6");
        Assert.NotNull(machine);
        Assert.Contains(h.Events, e => e.Op == ClusterOps.JoinFailed && e.Node == "workers-6" && e.Machine == machine);
        Assert.DoesNotContain("workers-6", h.Joined().Keys);

        // The retry concerns the membership only: the node's machine is not planned for.
        var plan = await _ws.RunAsync("plan", "-detailed-exitcode", "-no-color");
        Assert.True(plan.Code == 2, "the failed join must be planned again\n" + plan);
        // The membership resumes at its failed step (an update), it is not tainted and replaced.
        Assert.Contains("cluster_rke_node.main[\"workers-6\"] will be updated in-place", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sim_node_pool.workers[\"workers-6\"] will be", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sim_node_pool.workers[\"workers-6\"] must be", plan.Out, StringComparison.Ordinal);

        var mark = h.Events.Count;
        await _ws.OkAsync("apply", "-auto-approve", "-no-color");
        h = _ws.History();
        var retry = h.Since(mark);
        Assert.DoesNotContain(retry, e => e.Op.StartsWith("machine_", StringComparison.Ordinal));
        Assert.Equal(machine, h.MachineOf("workers-6"));
        Assert.Contains(retry, e => e.Op == ClusterOps.Join && e.Node == "workers-6" && e.Machine == machine);
        Assert.Single(h.Events, e => e.Op == "machine_create" && e.Node == "workers-6");
        Guarantees.NodeAdded(h.Events, "workers-6", loadBalanced: false, etcd: false);
        BaseCluster.Settled(h, BaseCluster.Range("cp", 1, 3), BaseCluster.Range("workers", 1, 6), BaseCluster.Config.KubernetesVersion);
    }
}
