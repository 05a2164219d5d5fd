using System.Text.Json;
using Provisioner.Hcl.Values;
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

    /// <summary>One control-plane node and <paramref name="workers"/> workers behind a load balancer, with a registry password in the template.</summary>
    private void WriteWithLoadBalancer(int workers, bool registry = true) => _h.Write($$"""
        provider "sim" {
          inventory_dir = ".sim"
        }
        provider "cluster" {}

        resource "sim_node_pool" "cp" {
          name     = "cp"
          quantity = 1
          roles    = ["etcd", "controlplane"]
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = {{workers}}
          roles    = ["worker"]
        }
        resource "sim_load_balancer" "api" {
          name    = "api"
          targets = concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)
          listener {
            port        = 6443
            target_port = 6443
          }
        }
        resource "cluster_template" "prod" {
          name               = "prod"
          kubernetes_version = "v1.30.4"
          {{(registry ? Registry : "")}}
        }
        resource "cluster_rke" "main" {
          name         = "main"
          template     = cluster_template.prod
          api_endpoint = sim_load_balancer.api.address
          nodes        = concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)
        }
        """);

    private const string Registry = """
        private_registry {
            url      = "registry.example:5000"
            user     = "puller"
            password = "hunter2-registry-secret"
          }
        """;

    private static List<string> Keys(string json, string attribute)
    {
        using var doc = JsonDocument.Parse(json);
        // Dynamic attributes are recorded as { "value": ..., "type": ... }.
        return [.. doc.RootElement.GetProperty(attribute).GetProperty("value").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private static HclValue Decoded(string json, HclType type)
    {
        var r = HclJson.FromJson(json, type);
        Assert.True(r.IsSuccess, r.Error?.ToString());
        return r.Value!;
    }

    /// <summary><paramref name="obj"/> with attributes replaced; a null value marks the attribute sensitive instead, and
    /// the template's registry password is marked sensitive as the cluster provider's state records it.</summary>
    private static HclValue Replace(HclValue obj, params (string Name, HclValue? Value)[] changes)
    {
        var attrs = obj.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
            attrs[name] = value ?? attrs[name].Mark(HclMarks.Sensitive);
        if (attrs.TryGetValue("template", out var t) && !t.IsNull && !t.GetAttribute("private_registry").IsNull)
        {
            var registry = t.GetAttribute("private_registry");
            var r = registry.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            r["password"] = r["password"].Mark(HclMarks.Sensitive);
            var tt = t.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            tt["private_registry"] = HclValue.Object(r);
            attrs["template"] = HclValue.Object(tt);
        }
        return HclValue.Object(attrs);
    }

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

    [Fact]
    public async Task Members_HoldOnlyTheDeclaredParentAndNodeAttributes_NoSecret()
    {
        WriteWithLoadBalancer(workers: 2);
        var (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        var cluster = _h.Instance("cluster_rke.main");
        using (var doc = JsonDocument.Parse(cluster.AttributesJson))
            Assert.Contains("client-key-data", doc.RootElement.GetProperty("kubeconfig").GetString()!, StringComparison.Ordinal);
        Assert.Contains("hunter2-registry-secret", cluster.AttributesJson, StringComparison.Ordinal);
        foreach (var key in new[] { "cp-1", "workers-1", "workers-2" })
        {
            var member = _h.Instance("cluster_rke_node.main", key);
            Assert.Equal(["api_endpoint", "ca_certificate", "id", "kubernetes_version", "name", "ssh", "template", "upgrade_strategy"], Keys(member.AttributesJson, "parent"));
            Assert.Equal(["address", "bootstrap", "host_key", "id", "internal_address", "name", "roles"], Keys(member.AttributesJson, "node"));
            Assert.DoesNotContain("kubeconfig", member.AttributesJson, StringComparison.Ordinal);
            Assert.DoesNotContain("client-key-data", member.AttributesJson, StringComparison.Ordinal);
            // The template is read (network plugin, artifacts, registry url); its sensitive password is not copied.
            Assert.DoesNotContain("hunter2-registry-secret", member.AttributesJson, StringComparison.Ordinal);
            Assert.Contains("registry.example:5000", member.AttributesJson, StringComparison.Ordinal);
            Assert.Empty(member.SensitivePaths);
            Assert.Equal("ready", Attr("cluster_rke_node.main", key, "phase"));

            var target = _h.Instance("sim_load_balancer_target.api", key);
            Assert.Equal(["id"], Keys(target.AttributesJson, "parent"));
            Assert.Equal(["id", "name"], Keys(target.AttributesJson, "node"));
            // A member is now a small fraction of its parent's object (it used to hold all of it).
            Assert.True(member.AttributesJson.Length * 2 < cluster.AttributesJson.Length + member.AttributesJson.Length,
                $"member {member.AttributesJson.Length} chars, cluster {cluster.AttributesJson.Length}");
        }
        Assert.Equal(3, _h.Sim().JoinedNodes.Count);
        Assert.Empty(_h.Sim().Incidents);

        var p = await _h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.All(p.Plan!.Changes, c => Assert.Equal(ChangeAction.NoOp, c.Action));
    }

    [Fact]
    public async Task MembersRecordedWithTheWholeParent_PlanNoChange_AndAreRecordedNarrowedOnApply()
    {
        WriteWithLoadBalancer(workers: 1, registry: false);
        var (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        // Rewrite the members as they were recorded before the views were narrowed: the cluster's whole object (nodes
        // and etcd_members null, its kubeconfig included, the whole parent recorded sensitive) and the pool's whole
        // node object (ready included).
        var clusterType = ClusterSchemas.RkeResource.Block.ImpliedType();
        var cluster = Replace(Decoded(_h.Instance("cluster_rke.main").AttributesJson, clusterType),
            ("nodes", HclValue.Null), ("etcd_members", HclValue.NullOf(HclType.List(HclType.String))), ("kubeconfig", null));
        var lb = Replace(HclJson.Decode(_h.Instance("sim_load_balancer.api").AttributesJson).Value!, ("targets", HclValue.Null));
        var targetType = HclType.Object(("parent", HclType.Dynamic), ("node", HclType.Dynamic), ("id", HclType.String), ("address", HclType.String));
        foreach (var (pool, key) in new[] { ("cp", "cp-1"), ("workers", "workers-1") })
        {
            var machine = HclJson.Decode(_h.Instance($"sim_node_pool.{pool}", key).AttributesJson).Value!;
            var node = HclValue.Object(new[] { "id", "address", "internal_address", "roles", "labels", "taints", "host_key", "template_revision", "ready", "bootstrap" }
                .Select(a => new KeyValuePair<string, HclValue>(a, a == "roles" ? HclValue.ListOf(HclType.String, machine.GetAttribute(a).Elements) : machine.GetAttribute(a)))
                .Prepend(new("name", HclValue.String(key))));
            Assert.True(node.GetAttribute("ready").AsBool());
            foreach (var (resource, parent, type) in new[] { ("cluster_rke_node.main", cluster, ClusterSchemas.RkeNodeResource.Block.ImpliedType()), ("sim_load_balancer_target.api", lb, targetType) })
            {
                var member = _h.Instance(resource, key);
                var value = Replace(Decoded(member.AttributesJson, type), ("parent", parent.UnmarkDeep().Value.Mark(HclMarks.Sensitive)), ("node", node));
                var (plain, paths) = value.UnmarkDeepWithPaths();
                Assert.True(HclJson.TryToJson(plain, type, out var json, out var error), error?.ToString());
                member.AttributesJson = json;
                member.SensitivePaths.Clear();
                member.SensitivePaths.AddRange(paths.Where(p => p.Marks.Contains(HclMarks.Sensitive)).Select(p => HclJson.PathToJson(p.Path)));
            }
        }
        Assert.Contains("client-key-data", _h.Instance("cluster_rke_node.main", "cp-1").AttributesJson, StringComparison.Ordinal);
        Assert.Equal(["[{\"type\":\"get_attr\",\"value\":\"parent\"}]"], _h.Instance("cluster_rke_node.main", "cp-1").SensitivePaths);

        var p = await _h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.All(p.Plan!.Changes, c => Assert.Equal(ChangeAction.NoOp, c.Action));
        (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        foreach (var key in new[] { "cp-1", "workers-1" })
        {
            var member = _h.Instance("cluster_rke_node.main", key);
            Assert.DoesNotContain("kubeconfig", member.AttributesJson, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-registry-secret", member.AttributesJson, StringComparison.Ordinal);
            Assert.Empty(member.SensitivePaths);
            Assert.DoesNotContain("ready", Keys(member.AttributesJson, "node"));
            Assert.Equal(["id"], Keys(_h.Instance("sim_load_balancer_target.api", key).AttributesJson, "parent"));
        }
        Assert.Empty(_h.Sim().Incidents);
    }

    [Fact]
    public async Task KilledMachine_IsDriftOfItsPoolNode_ItsMembersPlanNoUpdate()
    {
        WriteWithLoadBalancer(workers: 2);
        var (_, outcome) = await _h.ApplyAsync();
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        NodeSoftwareKnobs.Kill(_h.Inventory, Attr("sim_node_pool.workers", "workers-2", "id"));

        var p = await _h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        var drift = Assert.Single(p.Plan!.Drift);
        Assert.Equal("sim_node_pool.workers[\"workers-2\"]", drift.Address.ToString());
        Assert.False(drift.After.UnmarkDeep().Value.GetAttribute("ready").AsBool());
        // The members of the dead node are not updated for its health: they stay, or leave with their machine when
        // the pool replaces it; no member of any node plans an update.
        var members = p.Plan.Changes.Where(c => c.Address.Resource.Type is "cluster_rke_node" or "sim_load_balancer_target").ToList();
        Assert.Equal(6, members.Count(c => c.Action != ChangeAction.Create));
        Assert.DoesNotContain(members, c => c.Action == ChangeAction.Update);
        Assert.All(members.Where(c => c.Address.Key.Text is "cp-1" or "workers-1"), c => Assert.Equal(ChangeAction.NoOp, c.Action));
        Assert.Equal(4, members.Count(c => c.Address.Key.Text is "cp-1" or "workers-1"));
    }
}
