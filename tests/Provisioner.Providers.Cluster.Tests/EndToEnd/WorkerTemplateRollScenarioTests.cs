using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>Issue 5 scenario: change the worker machine template: a rolling replacement that respects max_surge and
/// never has fewer than quantity - max_unavailable ready workers.</summary>
public sealed class WorkerTemplateRollScenarioTests : IDisposable
{
    private readonly ClusterWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task WorkerSizeChange_RollsEveryWorker_WithinSurgeAndUnavailable_ControlPlaneUntouched()
    {
        var config = BaseCluster.Config with { WorkerMaxSurge = 1, WorkerMaxUnavailable = 1 };
        await BaseCluster.CreateAsync(_ws, config);

        var (output, roll) = await _ws.ApplyAsync(config with { WorkerSize = "medium" });
        Assert.Contains("rolled: template revision 1 -> 2", output, StringComparison.Ordinal);

        // Every old worker is replaced by a new one (new keys), each added and removed in order.
        Assert.Equal(BaseCluster.Range("workers", 6, 10), [.. roll.Where(e => e.Op == "machine_create").Select(e => e.Node).Order(StringComparer.Ordinal)]);
        Assert.Equal(BaseCluster.Range("workers", 1, 5), [.. roll.Where(e => e.Op == "machine_destroy").Select(e => e.Node).Order(StringComparer.Ordinal)]);
        Assert.DoesNotContain(roll, e => e.Node.StartsWith("cp-", StringComparison.Ordinal));
        foreach (var w in BaseCluster.Range("workers", 6, 10))
            Guarantees.NodeAdded(roll, w, loadBalanced: false, etcd: false);
        foreach (var w in BaseCluster.Range("workers", 1, 5))
            Guarantees.NodeRemoved(roll, w, loadBalanced: false, etcd: false);

        // Ready workers (joined, not cordoned) and worker machines, event by event.
        var quantity = config.Workers;
        var ready = new HashSet<string>(BaseCluster.Range("workers", 1, 5), StringComparer.Ordinal);
        var machines = quantity;
        int minReady = ready.Count, maxMachines = machines;
        foreach (var e in roll.Where(e => e.Node.StartsWith("workers-", StringComparison.Ordinal)))
        {
            switch (e.Op)
            {
                case ClusterOps.Join or ClusterOps.Uncordon:
                    ready.Add(e.Node);
                    break;
                case ClusterOps.Cordon or ClusterOps.Drain or ClusterOps.Leave:
                    ready.Remove(e.Node);
                    break;
                case "machine_create":
                    machines++;
                    break;
                case "machine_destroy":
                    machines--;
                    break;
                default:
                    break;
            }
            minReady = Math.Min(minReady, ready.Count);
            maxMachines = Math.Max(maxMachines, machines);
        }
        var timeline = SimHistory.Describe(roll.Where(e => e.Op is "machine_create" or "machine_destroy" or ClusterOps.Join or ClusterOps.Cordon or ClusterOps.Leave));
        Assert.True(minReady >= quantity - config.WorkerMaxUnavailable, $"{minReady} ready workers at the low point, fewer than quantity - max_unavailable:\n{timeline}");
        Assert.True(maxMachines <= quantity + config.WorkerMaxSurge, $"{maxMachines} worker machines at the high point, more than quantity + max_surge:\n{timeline}");

        BaseCluster.Settled(_ws.History(), BaseCluster.Range("cp", 1, 3), BaseCluster.Range("workers", 6, 10), config.KubernetesVersion);
        var inventory = await _ws.InventoryJsonAsync();
        Assert.All(inventory.GetProperty("machines").EnumerateArray(), m =>
            Assert.Equal(m.GetProperty("name").GetString()!.StartsWith("workers-", StringComparison.Ordinal) ? "medium" : "small", m.GetProperty("size").GetString()));
    }
}
