namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: scale the control plane 3 -> 5 -> 3.</summary>
public sealed class ScaleControlPlaneScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ScaleControlPlane_3_5_3_RegistersBeforeJoin_DrainsRemovesMemberDeregistersBeforeDestroy_EtcdOneAtATime()
    {
        await BaseCluster.CreateAsync(_ws);
        var workers = BaseCluster.Range("workers", 1, 5);

        var (_, up) = await _ws.ApplyAsync(BaseCluster.Config with { ControlPlanes = 5 });
        Assert.Equal(BaseCluster.Names("cp", 4, 5), [.. up.Where(e => e.Op == "machine_create").Select(e => e.Node).Order(StringComparer.Ordinal)]);
        Assert.DoesNotContain(up, e => e.Op == "machine_destroy" || e.Node.StartsWith("workers-", StringComparison.Ordinal));
        Assert.Equal(2, up.Count(e => e.Op == "etcd_add"));
        foreach (var cp in BaseCluster.Names("cp", 4, 5))
            Guarantees.NodeAdded(up, cp, loadBalanced: true, etcd: true);
        BaseCluster.Settled(_ws.History(), BaseCluster.Range("cp", 1, 5), workers, BaseCluster.Config.KubernetesVersion);

        var (_, down) = await _ws.ApplyAsync(BaseCluster.Config with { ControlPlanes = 3 });
        Assert.Equal(BaseCluster.Names("cp", 1, 2), [.. down.Where(e => e.Op == "machine_destroy").Select(e => e.Node).Order(StringComparer.Ordinal)]);
        Assert.DoesNotContain(down, e => e.Op == "machine_create" || e.Node.StartsWith("workers-", StringComparison.Ordinal));
        Assert.Equal(2, down.Count(e => e.Op == "etcd_remove"));
        foreach (var cp in BaseCluster.Names("cp", 1, 2))
            Guarantees.NodeRemoved(down, cp, loadBalanced: true, etcd: true);
        BaseCluster.Settled(_ws.History(), BaseCluster.Range("cp", 3, 5), workers, BaseCluster.Config.KubernetesVersion);
    }
}
