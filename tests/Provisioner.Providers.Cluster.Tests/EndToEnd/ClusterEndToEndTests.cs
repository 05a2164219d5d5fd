using System.Text.Json;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The whole stack through the CLI, in child processes: 3 etcd + control-plane nodes, 2 workers, an API load
/// balancer and a cluster over the sim provider; the sim's node software must see zero incidents through create,
/// scale-down and destroy.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private static List<string> Names(JsonElement inventory, string list, string field) =>
        [.. inventory.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(field).GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ThreeControlPlaneTwoWorkersLoadBalancerCluster_CreateScaleDownDestroy_ZeroIncidents()
    {
        var (created, _) = await _ws.ApplyAsync(new ClusterConfig { Workers = 2, LatencyMs = 0 });
        Assert.Contains("cluster_rke_node.main[\"workers-2\"] will be created", created, StringComparison.Ordinal);
        Assert.Contains("BEGIN CERTIFICATE", await _ws.OkAsync("state", "show", "cluster_rke.main"), StringComparison.Ordinal);

        var inv = await _ws.InventoryJsonAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(["cp-1", "cp-2", "cp-3"], Names(inv, "etcd_members", "node"));
        Assert.Equal(["cp-1", "cp-2", "cp-3", "workers-1", "workers-2"], Names(inv, "joined_nodes", "node"));
        Assert.All(inv.GetProperty("joined_nodes").EnumerateArray(), n => Assert.Equal("v1.30.4", n.GetProperty("version").GetString()));
        var lb = Assert.Single(inv.GetProperty("load_balancers").EnumerateArray());
        Assert.Equal(3, lb.GetProperty("targets").GetArrayLength());

        await _ws.OkAsync("plan", "-detailed-exitcode", "-no-color");

        var (scaled, _) = await _ws.ApplyAsync(new ClusterConfig { Workers = 1, LatencyMs = 0 });
        Assert.Contains("cluster_rke_node.main[\"workers-1\"] will be destroyed", scaled, StringComparison.Ordinal);
        inv = await _ws.InventoryJsonAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(["cp-1", "cp-2", "cp-3", "workers-2"], Names(inv, "joined_nodes", "node"));

        await _ws.OkAsync("destroy", "-auto-approve", "-no-color");
        inv = await _ws.InventoryJsonAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("etcd_members").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("joined_nodes").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("machines").GetArrayLength());
    }
}
