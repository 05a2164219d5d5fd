using System.Diagnostics;
using System.Text.Json;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The whole stack through the CLI, in child processes: 3 etcd + control-plane nodes, 2 workers, an API load
/// balancer and a cluster over the sim provider; the sim's node software must see zero incidents through create,
/// scale-down and destroy.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Write(int workers) => File.WriteAllText(Path.Combine(_dir.Path, "main.hcl"), $$"""
        provider "sim" {
          inventory_dir = ".sim"
        }
        provider "cluster" {}

        resource "sim_node_pool" "cp" {
          name     = "cp"
          quantity = 3
          roles    = ["etcd", "controlplane"]
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = {{workers}}
          roles    = ["worker"]
        }
        resource "sim_load_balancer" "api" {
          name    = "api"
          targets = sim_node_pool.cp.nodes
          listener {
            port        = 6443
            target_port = 6443
          }
        }
        resource "cluster_template" "prod" {
          name               = "prod"
          kubernetes_version = "v1.30.4"
        }
        resource "cluster_rke" "main" {
          name         = "main"
          template     = cluster_template.prod
          api_endpoint = "${sim_load_balancer.api.dns_name}:6443"
          nodes        = concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)
        }
        output "ca" {
          value = cluster_rke.main.ca_certificate
        }
        """);

    private async Task<string> Ok(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(p.ExitCode == 0, $"`provisioner {string.Join(' ', args)}` exited {p.ExitCode}\n{output}");
        return await stdout;
    }

    private async Task<JsonElement> InventoryAsync()
    {
        using var doc = JsonDocument.Parse(await Ok("sim", "inventory", "-dir", ".sim", "-json"));
        return doc.RootElement.Clone();
    }

    private static List<string> Names(JsonElement inventory, string list, string field) =>
        [.. inventory.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(field).GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ThreeControlPlaneTwoWorkersLoadBalancerCluster_CreateScaleDownDestroy_ZeroIncidents()
    {
        Write(workers: 2);
        var created = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("cluster_rke_node.main[\"workers-2\"] will be created", created, StringComparison.Ordinal);
        Assert.Contains("BEGIN CERTIFICATE", created, StringComparison.Ordinal);

        var inv = await InventoryAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(["cp-1", "cp-2", "cp-3"], Names(inv, "etcd_members", "node"));
        Assert.Equal(["cp-1", "cp-2", "cp-3", "workers-1", "workers-2"], Names(inv, "joined_nodes", "node"));
        Assert.All(inv.GetProperty("joined_nodes").EnumerateArray(), n => Assert.Equal("v1.30.4", n.GetProperty("version").GetString()));
        var lb = Assert.Single(inv.GetProperty("load_balancers").EnumerateArray());
        Assert.Equal(3, lb.GetProperty("targets").GetArrayLength());

        await Ok("plan", "-detailed-exitcode", "-no-color");

        Write(workers: 1);
        var scaled = await Ok("apply", "-auto-approve", "-no-color");
        Assert.Contains("cluster_rke_node.main[\"workers-1\"] will be destroyed", scaled, StringComparison.Ordinal);
        inv = await InventoryAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(["cp-1", "cp-2", "cp-3", "workers-2"], Names(inv, "joined_nodes", "node"));

        await Ok("destroy", "-auto-approve", "-no-color");
        inv = await InventoryAsync();
        Assert.Equal(0, inv.GetProperty("incidents").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("etcd_members").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("joined_nodes").GetArrayLength());
        Assert.Equal(0, inv.GetProperty("machines").GetArrayLength());
    }
}
