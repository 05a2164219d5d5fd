namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: scale workers 5 -> 20 -> 3.</summary>
public sealed class ScaleWorkersScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ScaleWorkers_5_20_3_AddsInOrder_RemovesOldestDrainedFirst_ZeroIncidents()
    {
        await BaseCluster.CreateAsync(_ws);
        var cps = BaseCluster.Range("cp", 1, 3);

        var (upOutput, up) = await _ws.ApplyAsync(BaseCluster.Config with { Workers = 20 });
        Assert.Contains("new node: quantity 5 -> 20", upOutput, StringComparison.Ordinal);
        Assert.Equal(15, up.Count(e => e.Op == "machine_create"));
        Assert.DoesNotContain(up, e => e.Op is "machine_destroy" or "lb_register" or "lb_deregister" || e.Node.StartsWith("cp-", StringComparison.Ordinal));
        foreach (var w in BaseCluster.Range("workers", 6, 20))
            Guarantees.NodeAdded(up, w, loadBalanced: false, etcd: false);
        BaseCluster.Settled(_ws.History(), cps, BaseCluster.Range("workers", 1, 20), BaseCluster.Config.KubernetesVersion);

        var (downOutput, down) = await _ws.ApplyAsync(BaseCluster.Config with { Workers = 3 });
        Assert.Contains("scale down: quantity 20 -> 3, delete_policy \"oldest\"", downOutput, StringComparison.Ordinal);
        Assert.Equal(17, down.Count(e => e.Op == "machine_destroy"));
        Assert.DoesNotContain(down, e => e.Op is "machine_create" || e.Node.StartsWith("cp-", StringComparison.Ordinal));
        foreach (var w in BaseCluster.Range("workers", 1, 17))
            Guarantees.NodeRemoved(down, w, loadBalanced: false, etcd: false);
        BaseCluster.Settled(_ws.History(), cps, BaseCluster.Range("workers", 18, 20), BaseCluster.Config.KubernetesVersion);
    }
}
