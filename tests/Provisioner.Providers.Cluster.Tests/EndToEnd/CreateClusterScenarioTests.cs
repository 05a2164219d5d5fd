namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: create 3 control-plane + 5 workers + LB + cluster.</summary>
public sealed class CreateClusterScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Create_EachNodeMachineThenRegisteredThenJoined_EtcdOneAtATime_ZeroIncidents_NoChangesAfterwards()
    {
        var events = await BaseCluster.CreateAsync(_ws);

        // Per-node lines: every machine, target and membership is its own instance.
        Assert.Equal(8, events.Count(e => e.Op == "machine_create"));
        Assert.Equal(3, events.Count(e => e.Op == "lb_register"));

        var plan = await _ws.RunAsync("plan", "-detailed-exitcode", "-no-color");
        Assert.True(plan.Code == 0, "a settled cluster plans no change\n" + plan);

        var inventory = await _ws.InventoryJsonAsync();
        Assert.Equal(0, inventory.GetProperty("incidents").GetArrayLength());
        Assert.Equal(3, inventory.GetProperty("etcd_members").GetArrayLength());
        Assert.Equal(8, inventory.GetProperty("joined_nodes").GetArrayLength());
    }
}
