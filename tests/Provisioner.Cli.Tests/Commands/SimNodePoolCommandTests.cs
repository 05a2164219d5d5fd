using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>
/// End to end through <see cref="CommandLine"/> over the sim provider: node pools and load balancers (decision 0006):
/// per-node plan lines with their reasons, targets registered after machines and deregistered before them.
/// </summary>
public sealed class SimNodePoolCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-pools-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(int workers, string size = "small") => File.WriteAllText(Path.Combine(_dir, "main.hcl"), $$"""
        provider "sim" {
          inventory_dir = ".sim"
        }
        resource "sim_node_pool" "cp" {
          name     = "cp"
          quantity = 3
          roles    = ["etcd", "controlplane"]
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = {{workers}}
          roles    = ["worker"]
          size     = "{{size}}"
          labels   = { tier = "app" }
        }
        resource "sim_load_balancer" "ingress" {
          name    = "ingress"
          targets = sim_node_pool.workers.nodes
          listener {
            port        = 443
            target_port = 8443
          }
          health_check {
            port = 8443
          }
        }
        output "first_worker" {
          value = sim_node_pool.workers.nodes[0].name
        }
        """);

    private async Task<(int Code, string Out, string Err)> Ok(params string[] args)
    {
        var r = await CliRun.InDirectory(_dir, args);
        Assert.True(r.Code == 0, $"`{string.Join(' ', args)}` exited {r.Code}\n{r.Out}\n{r.Err}");
        return r;
    }

    private async Task<(List<string> Machines, List<string> Targets)> Inventory()
    {
        var r = await Ok("sim", "inventory", "-dir", ".sim", "-json");
        using var doc = JsonDocument.Parse(r.Out);
        var machines = doc.RootElement.GetProperty("machines").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        var lb = Assert.Single(doc.RootElement.GetProperty("load_balancers").EnumerateArray());
        var targets = lb.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("node").GetString()!).ToList();
        return (machines, targets);
    }

    [Fact]
    public async Task PoolLifecycle_CreateScaleDownRollAndDrift()
    {
        Write(5);
        var created = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("sim_node_pool.workers[\"workers-5\"] will be created", created.Out, StringComparison.Ordinal);
        Assert.Contains("# (new node: quantity 0 -> 5)", created.Out, StringComparison.Ordinal);
        Assert.Contains("first_worker = \"workers-1\"", created.Out, StringComparison.Ordinal);
        var (machines, targets) = await Inventory();
        Assert.Equal(8, machines.Count);
        Assert.Equal(["workers-1", "workers-2", "workers-3", "workers-4", "workers-5"], targets);

        // Scale down 5 -> 3: per-node lines with reasons; deregistered before destroyed.
        Write(3);
        var plan = await Ok("plan", "-no-color");
        Assert.Contains("sim_node_pool.workers[\"workers-1\"] will be destroyed", plan.Out, StringComparison.Ordinal);
        Assert.Contains("# (scale down: quantity 5 -> 3, delete_policy \"oldest\")", plan.Out, StringComparison.Ordinal);
        Assert.Contains("sim_load_balancer_target.ingress[\"workers-2\"] will be destroyed", plan.Out, StringComparison.Ordinal);
        Assert.Contains("# (removed from sim_load_balancer.ingress before its machine is destroyed)", plan.Out, StringComparison.Ordinal);
        await Ok("apply", "-auto-approve", "-no-color");
        (machines, targets) = await Inventory();
        Assert.Equal(6, machines.Count);
        Assert.Equal(["workers-3", "workers-4", "workers-5"], targets);

        // A template change rolls the workers onto new machines, each registered with the load balancer.
        Write(3, size: "large");
        var roll = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("# (rolled: template revision 1 -> 2, replaced by workers-6)", roll.Out, StringComparison.Ordinal);
        (machines, targets) = await Inventory();
        Assert.Equal(["workers-6", "workers-7", "workers-8"], targets);
        Assert.DoesNotContain("workers-3", machines);

        // A machine deleted outside Provisioner shows as drift and is created again under its key.
        using (var cloud = new SimCloud(Path.Combine(_dir, ".sim"), SimCloudOptions.Default, TimeProvider.System))
        {
            var victim = cloud.Snapshot().Machines.Single(m => m.Name == "workers-7");
            Assert.Null((await cloud.DeleteMachineAsync(victim.Id, "outside-" + victim.Id, CancellationToken.None)).Error);
        }
        var drift = await Ok("plan", "-no-color");
        Assert.Contains("sim_node_pool.workers[\"workers-7\"] will be created", drift.Out, StringComparison.Ordinal);
        Assert.Contains("machine gone (deleted outside Provisioner): created again", drift.Out, StringComparison.Ordinal);
        await Ok("apply", "-auto-approve", "-no-color");
        (machines, targets) = await Inventory();
        Assert.Contains("workers-7", machines);
        Assert.Equal(["workers-6", "workers-7", "workers-8"], targets);

        // Destroy: every target deregistered, then machines and the load balancer go.
        await Ok("destroy", "-auto-approve", "-no-color");
        var after = await Ok("sim", "inventory", "-dir", ".sim", "-json");
        using var doc = JsonDocument.Parse(after.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("machines").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("load_balancers").GetArrayLength());
    }

    [Fact]
    public async Task ScaleDown_RemovesTheNodeKilledOutsideProvisioner_NotThePolicysChoice()
    {
        Write(5);
        await Ok("apply", "-auto-approve", "-no-color");

        var kill = await Ok("sim", "kill", "-dir", ".sim", "workers-4");
        Assert.Contains("(workers-4) killed", kill.Out, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse((await Ok("sim", "inventory", "-dir", ".sim", "-json")).Out))
            Assert.Single(doc.RootElement.GetProperty("dead_machines").EnumerateArray());
        // Refresh sees the node NotReady (drift), with the machine still there.
        var drift = await Ok("plan", "-no-color");
        Assert.Contains("sim_node_pool.workers[\"workers-4\"] has changed", drift.Out, StringComparison.Ordinal);
        Assert.Matches(@"~ ready\s+= true -> false", drift.Out);
        // ... and the next apply replaces it (issue 5): a new node joins, then the dead one leaves and is destroyed.
        Assert.Contains("sim_node_pool.workers[\"workers-4\"] will be destroyed", drift.Out, StringComparison.Ordinal);
        Assert.Contains("# (rolled: NotReady (its machine does not answer), replaced by workers-6)", drift.Out, StringComparison.Ordinal);

        // 5 -> 4: delete_policy "oldest" would take workers-1; the NotReady node goes first.
        Write(4);
        var plan = await Ok("plan", "-no-color");
        Assert.Contains("sim_node_pool.workers[\"workers-4\"] will be destroyed", plan.Out, StringComparison.Ordinal);
        Assert.Contains("# (scale down: quantity 5 -> 4, NotReady nodes go first)", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sim_node_pool.workers[\"workers-1\"] will be destroyed", plan.Out, StringComparison.Ordinal);
        await Ok("apply", "-auto-approve", "-no-color");
        var (machines, targets) = await Inventory();
        Assert.DoesNotContain("workers-4", machines);
        Assert.Equal(["workers-1", "workers-2", "workers-3", "workers-5"], targets);
    }

    private async Task<List<(string Node, int FailJoins, long SlowDrainMs)>> Knobs()
    {
        using var doc = JsonDocument.Parse((await Ok("sim", "inventory", "-dir", ".sim", "-json")).Out);
        return [.. doc.RootElement.GetProperty("knobs").EnumerateArray()
            .Select(k => (k.GetProperty("node").GetString()!, k.GetProperty("fail_joins_left").GetInt32(), k.GetProperty("slow_drain_ms").GetInt64()))];
    }

    private void WriteWithFailures(string failures) => File.WriteAllText(Path.Combine(_dir, "main.hcl"), $$"""
        provider "sim" {
          inventory_dir = ".sim"
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = 3
          roles    = ["worker"]
          {{failures}}
        }
        """);

    [Fact]
    public async Task FailureBlocks_SetTheNodesKnobs_SeenInTheInventory_AndRemovingThemClearsThem()
    {
        WriteWithFailures("""
            failure {
              nodes           = ["workers-2"]
              fail_join_times = 2
            }
            failure {
              slow_drain_ms = 1500
            }
            """);
        await Ok("apply", "-auto-approve", "-no-color");
        Assert.Equal([("workers-1", 0, 1500L), ("workers-2", 2, 1500L), ("workers-3", 0, 1500L)], await Knobs());

        // Applying the same configuration again changes nothing.
        var again = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("No changes", again.Out, StringComparison.Ordinal);

        WriteWithFailures("");
        var cleared = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("3 changed", cleared.Out, StringComparison.Ordinal);
        Assert.Empty(await Knobs());

        WriteWithFailures("""
            failure {
              fail_join_times = -1
            }
            """);
        var bad = await CliRun.InDirectory(_dir, "plan", "-no-color");
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("failure.fail_join_times must be a whole number between 0 and", bad.Err, StringComparison.Ordinal);
    }
}
