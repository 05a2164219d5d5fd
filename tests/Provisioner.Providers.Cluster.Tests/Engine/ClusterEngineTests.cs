using System.Text.Json;
using Provisioner.Engine.Planning;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.State;

namespace Provisioner.Providers.Cluster.Tests.Engine;

/// <summary>cluster_rke and its cluster_rke_node members planned and applied by the engine over sim node pools.</summary>
public sealed class ClusterEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private void Write(int cp, int workers) => _h.Write($$"""
        provider "sim" {
          inventory_dir = ".sim"
        }
        provider "cluster" {}

        resource "sim_node_pool" "cp" {
          name     = "cp"
          quantity = {{cp}}
          roles    = ["etcd", "controlplane"]
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = {{workers}}
          roles    = ["worker"]
        }
        resource "cluster_template" "prod" {
          name               = "prod"
          kubernetes_version = "v1.30.4"
        }
        resource "cluster_rke" "main" {
          name         = "main"
          template     = cluster_template.prod
          api_endpoint = "10.0.0.100:6443"
          nodes        = concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)
        }
        """);

    private List<string> EtcdMembers()
    {
        using var doc = JsonDocument.Parse(_h.Instance("cluster_rke.main").AttributesJson);
        return [.. doc.RootElement.GetProperty("etcd_members").EnumerateArray().Select(e => e.GetString()!)];
    }

    private string Attr(string resource, string? key, string name)
    {
        using var doc = JsonDocument.Parse(_h.Instance(resource, key).AttributesJson);
        return doc.RootElement.GetProperty(name).GetString()!;
    }

    [Fact]
    public async Task TwoEtcdNodes_PlanWarns_EtcdMembersListed_AddingAWorkerUpdatesNoMember()
    {
        Write(cp: 2, workers: 1);
        var (plan, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        var warning = Assert.Single(plan.Diagnostics, d => !d.IsError);
        Assert.Equal("Not highly available: fewer than 3 etcd nodes", warning.Summary);
        Assert.Contains("2 etcd node(s)", warning.Detail, StringComparison.Ordinal);
        Assert.Equal(["cp-1", "cp-2"], EtcdMembers());
        Assert.Equal(["cp-1", "cp-2"], _h.Sim().EtcdMembers.Select(m => m.Node).Order(StringComparer.Ordinal));

        Write(cp: 2, workers: 2);
        var p = await _h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        var changed = p.Plan!.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Address}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal([
            "Create cluster_rke_node.main[\"workers-2\"]",
            "Create sim_node_pool.workers[\"workers-2\"]",
            "Update cluster_rke.main",
        ], changed);
        (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal(4, _h.Sim().JoinedNodes.Count);
        Assert.Empty(_h.Sim().Incidents);
    }

    [Fact]
    public async Task FailedJoin_IsRecordedWithItsPhase_NextApplyResumesWithoutRecreatingTheMachine()
    {
        Write(cp: 1, workers: 0);
        var (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        NodeSoftwareKnobs.FailJoins(_h.Inventory, "workers-1", 1);
        Write(cp: 1, workers: 1);
        (_, outcome) = await _h.ApplyAsync();
        Assert.False(outcome.Succeeded);
        Assert.Contains("stopped at bootstrap step \"join\"", outcome.Diagnostics.ToString(), StringComparison.Ordinal);
        var member = _h.Instance("cluster_rke_node.main", "workers-1");
        Assert.Equal(InstanceStatus.Ready, member.Status);
        Assert.Equal("join", Attr("cluster_rke_node.main", "workers-1", "phase"));
        var machine = Attr("sim_node_pool.workers", "workers-1", "id");

        var p = await _h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal(ChangeAction.Update, p.Plan!.Changes.Single(c => c.Address.ToString() == "cluster_rke_node.main[\"workers-1\"]").Action);
        Assert.Equal(ChangeAction.NoOp, p.Plan.Changes.Single(c => c.Address.ToString() == "sim_node_pool.workers[\"workers-1\"]").Action);
        (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal("ready", Attr("cluster_rke_node.main", "workers-1", "phase"));
        Assert.Equal(machine, Attr("sim_node_pool.workers", "workers-1", "id"));
        Assert.Equal(2, _h.Sim().JoinedNodes.Count);
        Assert.Empty(_h.Sim().Incidents);
    }
}
