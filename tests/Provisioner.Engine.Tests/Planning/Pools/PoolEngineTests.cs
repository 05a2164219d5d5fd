using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Tests.Planning.Pools;

public sealed class PoolEngineTests
{
    private static string Config(int workers, string size = "small", int cp = 3, string rollout = "", string extra = "") => $$"""
        resource "standin_pool" "cp" {
          name     = "cp"
          quantity = {{cp}}
          roles    = ["etcd", "controlplane"]
          size     = "small"
        }
        resource "standin_pool" "workers" {
          name     = "workers"
          quantity = {{workers}}
          roles    = ["worker"]
          size     = "{{size}}"
          {{rollout}}
        }
        resource "standin_lb" "api" {
          name    = "api"
          targets = standin_pool.cp.nodes
        }
        resource "standin_lb" "ingress" {
          name    = "ingress"
          targets = standin_pool.workers.nodes
        }
        resource "standin_cluster" "main" {
          name  = "main"
          nodes = concat(standin_pool.cp.nodes, standin_pool.workers.nodes)
          max_unavailable_worker = 2
          {{extra}}
        }
        """;

    private static int Index(List<string> calls, string call)
    {
        var i = calls.IndexOf(call);
        Assert.True(i >= 0, $"no call \"{call}\" in:\n{string.Join("\n", calls)}");
        return i;
    }

    private static void Before(List<string> calls, string first, string then) =>
        Assert.True(Index(calls, first) < Index(calls, then), $"expected \"{first}\" before \"{then}\" in:\n{string.Join("\n", calls)}");

    private static int Live(PoolHarness h, string pool) =>
        h.State!.Resources.Where(r => r.Address == "standin_pool." + pool).SelectMany(r => r.Instances).Count();

    [Fact]
    public async Task CreatesPoolOfFiveWithNodesMembersAfterMachines()
    {
        using var h = new PoolHarness();
        h.Write(Config(5));
        var (plan, calls) = await h.ApplyAsync();
        var keys = plan.Changes.Where(c => c.Address.Resource.ToString() == "standin_pool.workers").Select(c => c.Address.ToString()).ToList();
        Assert.Equal(5, keys.Count);
        Assert.Contains("standin_pool.workers[\"workers-5\"]", keys);
        Assert.Equal("new node: quantity 0 -> 5", plan.Changes.First(c => c.Address.ToString() == "standin_pool.workers[\"workers-1\"]").ReasonText);
        foreach (var n in Enumerable.Range(1, 5))
        {
            Before(calls, $"create standin_pool:workers-{n}", $"create standin_lb_target:workers-{n}");
            Before(calls, $"create standin_lb_target:workers-{n}", $"create standin_cluster_node:workers-{n}");
        }
        // etcd members join one at a time, all before the workers.
        Before(calls, "create standin_cluster_node:cp-1", "create standin_cluster_node:cp-2");
        Before(calls, "create standin_cluster_node:cp-3", "create standin_cluster_node:workers-1");
        Assert.Equal(8 + 8 + 8 + 3, calls.Count);
        // The load balancer's own object never carries the node list.
        var lb = h.State!.Resources.Single(r => r.Address == "standin_lb.api").Instances.Single();
        Assert.DoesNotContain("cp-1", lb.AttributesJson, StringComparison.Ordinal);
    }

    private static List<string> EtcdMembers(PoolHarness h)
    {
        var json = h.State!.Resources.Single(r => r.Address == "standin_cluster.main").Instances.Single().AttributesJson;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("etcd_members").EnumerateArray().Select(e => e.GetString()!)];
    }

    [Fact]
    public async Task ParentSeesNodeNamesAndRoles_AddingNodesUpdatesNoOtherMember()
    {
        using var h = new PoolHarness();
        h.Write(Config(2));
        await h.ApplyAsync();
        Assert.Equal(["cp-1", "cp-2", "cp-3"], EtcdMembers(h));
        // The cluster's own object holds each node's name and roles, nothing the machine decides (id, address).
        var cluster = h.State!.Resources.Single(r => r.Address == "standin_cluster.main").Instances.Single().AttributesJson;
        Assert.Contains("\"workers-2\"", cluster, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.0.", cluster, StringComparison.Ordinal);
        // Planned before any machine existed, the cluster already saw every node's name and roles.
        var first = h.Provider.ClusterNodesSeen.First();
        Assert.True(first.IsWhollyKnown);
        Assert.Equal(5, first.Elements.Count);

        // One worker more and two etcd nodes more: the cluster is updated (its node list), its existing members are not.
        h.Write(Config(3, cp: 5));
        var (plan, calls) = await h.ApplyAsync();
        Assert.Equal(ChangeAction.Update, plan.Changes.Single(c => c.Address.ToString() == "standin_cluster.main").Action);
        var memberChanges = plan.Changes.Where(c => c.Address.Resource.Type is "standin_cluster_node" or "standin_lb_target" && c.Action != ChangeAction.NoOp)
            .Select(c => $"{c.Action} {c.Address}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal([
            "Create standin_cluster_node.main[\"cp-4\"]", "Create standin_cluster_node.main[\"cp-5\"]", "Create standin_cluster_node.main[\"workers-3\"]",
            "Create standin_lb_target.api[\"cp-4\"]", "Create standin_lb_target.api[\"cp-5\"]", "Create standin_lb_target.ingress[\"workers-3\"]",
        ], memberChanges);
        Assert.DoesNotContain(calls, c => c.StartsWith("update standin_cluster_node", StringComparison.Ordinal));
        Assert.Equal(["cp-1", "cp-2", "cp-3", "cp-4", "cp-5"], EtcdMembers(h));

        // Nothing changed: nothing planned.
        var again = await h.PlanAsync();
        Assert.All(again.Plan!.Changes, c => Assert.Equal(ChangeAction.NoOp, c.Action));
    }

    [Fact]
    public async Task FailedJoinIsRecordedUntainted_NextApplyResumesWithoutTouchingTheMachine()
    {
        using var h = new PoolHarness();
        h.Write(Config(2));
        h.Provider.FailJoin["standin_cluster_node:workers-2"] = true;
        var (_, outcome, _) = await h.TryApplyAsync();
        Assert.False(outcome.Succeeded);
        Assert.Contains("workers-2 stopped at \"join\"", outcome.Diagnostics.ToString(), StringComparison.Ordinal);
        var member = h.Instance("standin_cluster_node.main", "workers-2");
        Assert.Equal(Provisioner.State.InstanceStatus.Ready, member.Status);
        Assert.Contains("\"phase\":\"join\"", member.AttributesJson, StringComparison.Ordinal);

        // The next plan resumes the member in place; its machine and its load-balancer registration stay.
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal(ChangeAction.Update, p.Plan!.Changes.Single(c => c.Address.ToString() == "standin_cluster_node.main[\"workers-2\"]").Action);
        Assert.Equal(ChangeAction.NoOp, p.Plan.Changes.Single(c => c.Address.ToString() == "standin_pool.workers[\"workers-2\"]").Action);
        Assert.Equal(ChangeAction.NoOp, p.Plan.Changes.Single(c => c.Address.ToString() == "standin_lb_target.ingress[\"workers-2\"]").Action);
        var (_, calls) = await h.ApplyAsync();
        Assert.Equal(["update standin_cluster_node:workers-2"], calls);
        Assert.Contains("\"phase\":\"ready\"", h.Instance("standin_cluster_node.main", "workers-2").AttributesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedCreateOfAMemberTypeWithoutResume_IsTaintedAndReplaced()
    {
        using var h = new PoolHarness();
        h.Write(Config(2));
        h.Provider.FailJoin["standin_lb_target:workers-2"] = true;
        var (_, outcome, _) = await h.TryApplyAsync();
        Assert.False(outcome.Succeeded);
        Assert.Equal(Provisioner.State.InstanceStatus.Tainted, h.Instance("standin_lb_target.ingress", "workers-2").Status);
        var p = await h.PlanAsync();
        var change = p.Plan!.Changes.Single(c => c.Address.ToString() == "standin_lb_target.ingress[\"workers-2\"]");
        Assert.Equal(ChangeAction.DeleteThenCreate, change.Action);
        Assert.Equal(ActionReason.ReplaceBecauseTainted, change.Reason);
    }

    [Fact]
    public async Task ScalesFiveToTwentyToThreeRespectingPolicy()
    {
        using var h = new PoolHarness();
        h.Write(Config(5));
        await h.ApplyAsync();
        h.Write(Config(20));
        var (plan, calls) = await h.ApplyAsync();
        Assert.Equal(20, Live(h, "workers"));
        Assert.Equal(15, calls.Count(c => c.StartsWith("create standin_pool:workers-", StringComparison.Ordinal)));
        Assert.Equal("new node: quantity 5 -> 20", plan.Changes.First(c => c.Address.ToString() == "standin_pool.workers[\"workers-20\"]").ReasonText);

        h.Write(Config(3));
        (plan, calls) = await h.ApplyAsync();
        var left = h.State!.Resources.Single(r => r.Address == "standin_pool.workers").Instances.Select(i => (string)i.Key!).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(["workers-18", "workers-19", "workers-20"], left);
        var deleted = plan.Changes.Where(c => c.Address.Resource.ToString() == "standin_pool.workers" && c.Action == ChangeAction.Delete).ToList();
        Assert.Equal(17, deleted.Count);
        Assert.All(deleted, d => Assert.Equal("scale down: quantity 20 -> 3, delete_policy \"oldest\"", d.ReasonText));
        // Scaling is a pool-level change: the remaining nodes and their members do not change (the cluster's own
        // node list does).
        Assert.Equal(["standin_cluster.main"], plan.Changes.Where(c => c.Action == ChangeAction.Update).Select(c => c.Address.ToString()));
        foreach (var n in Enumerable.Range(1, 17))
        {
            Before(calls, $"delete standin_cluster_node:workers-{n}", $"delete standin_lb_target:workers-{n}");
            Before(calls, $"delete standin_lb_target:workers-{n}", $"delete standin_pool:workers-{n}");
        }
        var leave = plan.Changes.First(c => c.Address.ToString() == "standin_cluster_node.main[\"workers-1\"]");
        Assert.Equal("removed from standin_cluster.main before its machine is destroyed", leave.ReasonText);
    }

    [Fact]
    public async Task NewestPolicyAndNotReadyFirst()
    {
        using var h = new PoolHarness();
        var rollout = "rollout {\n delete_policy = \"newest\"\n }";
        h.Write(Config(5, rollout: rollout));
        await h.ApplyAsync();
        h.Provider.NotReady["workers-2"] = true;
        h.Write(Config(3, rollout: rollout));
        await h.ApplyAsync();
        var left = h.State!.Resources.Single(r => r.Address == "standin_pool.workers").Instances.Select(i => (string)i.Key!).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(["workers-1", "workers-3", "workers-4"], left);
    }

    [Fact]
    public async Task TemplateChangeRollsWithSurge()
    {
        using var h = new PoolHarness();
        h.Write(Config(3));
        await h.ApplyAsync();
        h.Write(Config(3, size: "large"));
        var (plan, calls) = await h.ApplyAsync(parallelism: 10);
        Assert.Equal("rolled: template revision 1 -> 2, replaced by workers-4",
            plan.Changes.Single(c => c.Address.ToString() == "standin_pool.workers[\"workers-1\"]").ReasonText);
        // New node and its memberships in before the old one leaves; never fewer than 3 machines.
        Before(calls, "create standin_cluster_node:workers-4", "delete standin_cluster_node:workers-1");
        Before(calls, "delete standin_pool:workers-1", "create standin_pool:workers-5");
        Before(calls, "delete standin_pool:workers-2", "create standin_pool:workers-6");
        var live = 3;
        foreach (var c in calls.Where(c => c.Contains("standin_pool:workers", StringComparison.Ordinal)))
        {
            live += c.StartsWith("create", StringComparison.Ordinal) ? 1 : -1;
            Assert.InRange(live, 3, 4);
        }
        var left = h.State!.Resources.Single(r => r.Address == "standin_pool.workers").Instances.Select(i => (string)i.Key!).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(["workers-4", "workers-5", "workers-6"], left);
    }

    [Fact]
    public async Task MachineDeletedOutsideShowsAsDriftAndIsReplaced()
    {
        using var h = new PoolHarness();
        h.Write(Config(3));
        await h.ApplyAsync();
        var id = h.Provider.Objects.Single(kv => kv.Value.Type.HasAttribute("node_name") && kv.Value.GetAttribute("node_name").AsString() == "workers-2").Key;
        h.Provider.Objects.TryRemove(id, out _);
        var p = await h.PlanAsync();
        Assert.Contains(p.Plan!.Drift, d => d.Address.ToString() == "standin_pool.workers[\"workers-2\"]" && d.Action == ChangeAction.Delete);
        var change = p.Plan.Changes.Single(c => c.Address.ToString() == "standin_pool.workers[\"workers-2\"]");
        Assert.Equal(ChangeAction.Create, change.Action);
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "create standin_pool:workers-2", "update standin_lb_target:workers-2");
        Assert.Equal(3, Live(h, "workers"));
    }

    [Fact]
    public async Task RefusesScaleDownThatLosesEtcdQuorum()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        h.Write(Config(1, cp: 1));
        var p = await h.PlanAsync();
        Assert.True(p.Diagnostics.HasErrors);
        var text = p.Diagnostics.ToString();
        Assert.Contains("Unsafe etcd membership change", text, StringComparison.Ordinal);
        Assert.Contains("cp-1, cp-2", text, StringComparison.Ordinal);
        // One at a time passes: 3 -> 2.
        h.Write(Config(1, cp: 2));
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "delete standin_cluster_node:cp-1", "delete standin_pool:cp-1");
    }

    [Fact]
    public async Task EtcdScaleUpJoinsOneAtATimeAndWorkersInBatches()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        h.Write(Config(1, cp: 5));
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "create standin_cluster_node:cp-4", "create standin_cluster_node:cp-5");

        // A change of the cluster updates every member: etcd nodes one at a time, then workers in batches of
        // max_unavailable_worker (2).
        h.Write(Config(5, cp: 5));
        await h.ApplyAsync();
        h.Write(Config(5, cp: 5, extra: "version = \"2\""));
        h.Provider.MaxInFlightEtcd = 0;
        h.Provider.MaxInFlightWorkers = 0;
        (_, calls) = await h.ApplyAsync(parallelism: 10);
        Assert.Equal(1, h.Provider.MaxInFlightEtcd);
        Assert.Equal(2, h.Provider.MaxInFlightWorkers);
        for (var n = 1; n < 5; n++)
            Before(calls, $"update standin_cluster_node:cp-{n}", $"update standin_cluster_node:cp-{n + 1}");
        Before(calls, "update standin_cluster_node:cp-5", "update standin_cluster_node:workers-1");
        foreach (var first in new[] { "workers-1", "workers-2" })
        {
            foreach (var second in new[] { "workers-3", "workers-4" })
                Before(calls, $"update standin_cluster_node:{first}", $"update standin_cluster_node:{second}");
        }
        Before(calls, "update standin_cluster_node:workers-3", "update standin_cluster_node:workers-5");
        Before(calls, "update standin_cluster_node:workers-4", "update standin_cluster_node:workers-5");
    }

    [Theory]
    [InlineData("\"40%\"")] // of 5 workers: 2
    [InlineData("\"2\"")]
    public async Task WorkerBatchSizeFromACountOrAPercentageString(string batch)
    {
        using var h = new PoolHarness();
        string WithBatch(string config) => config.Replace("max_unavailable_worker = 2", $"max_unavailable_worker = {batch}", StringComparison.Ordinal);
        h.Write(WithBatch(Config(5)));
        await h.ApplyAsync();
        h.Write(WithBatch(Config(5, extra: "version = \"2\"")));
        h.Provider.MaxInFlightWorkers = 0;
        var (_, calls) = await h.ApplyAsync(parallelism: 10);
        Assert.Equal(2, h.Provider.MaxInFlightWorkers);
        foreach (var first in new[] { "workers-1", "workers-2" })
        {
            foreach (var second in new[] { "workers-3", "workers-4" })
                Before(calls, $"update standin_cluster_node:{first}", $"update standin_cluster_node:{second}");
        }
    }

    [Fact]
    public async Task BigWorkerBatchesAreJoinedThroughBarriersNotOrdersPerPair()
    {
        // 200 workers in batches of 50: the boundaries between batches are 3 barriers, not 3 x 50 x 50 step orders.
        using var h = new PoolHarness();
        h.Write(Config(200).Replace("max_unavailable_worker = 2", "max_unavailable_worker = \"25%\"", StringComparison.Ordinal));
        var outcome = await h.PlanAsync();
        var plan = outcome.Plan!;
        Assert.Equal(3, plan.StepBarriers.Count);
        Assert.All(plan.StepBarriers, b => Assert.Equal(50, b.Steps.Count));
        Assert.All(plan.StepBarriers, b => Assert.Equal(50, b.After.Count));
        Assert.InRange(plan.StepOrders.Count, 1, 10 * 203);
        var (_, calls) = await h.ApplyAsync(parallelism: 100);
        Assert.InRange(h.Provider.MaxInFlightWorkers, 1, 50);
        var joins = calls.Where(c => c.StartsWith("create standin_cluster_node:workers-", StringComparison.Ordinal))
            .Select(c => int.Parse(c["create standin_cluster_node:workers-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(200, joins.Count);
        // Batch k (workers 50k+1 .. 50k+50) joins only after every worker of batch k-1.
        for (var i = 0; i < joins.Count; i++)
            Assert.True((joins[i] - 1) / 50 >= joins.Take(i).Select(j => (j - 1) / 50).DefaultIfEmpty(0).Max(), $"worker {joins[i]} joined before its batch's turn: {string.Join(",", joins)}");
    }

    [Fact]
    public async Task RefusesReplacingEveryEtcdNodeAtOnceButAllowsSurgeRoll()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        // Renaming the pool with max_unavailable = 3 would drop all three etcd members before their replacements.
        var unsafeConfig = Config(1, cp: 3).Replace("name     = \"cp\"\n", "name     = \"cp2\"\n  rollout {\n max_surge = 0\n max_unavailable = 3\n }\n", StringComparison.Ordinal);
        h.Write(unsafeConfig);
        var p = await h.PlanAsync();
        var text = p.Diagnostics.ToString();
        Assert.Contains("Unsafe etcd membership change", text, StringComparison.Ordinal);
        Assert.Contains("It removes the etcd members cp-1, cp-2, cp-3 and adds cp2-4, cp2-5, cp2-6", text, StringComparison.Ordinal);
        Assert.Contains("2. cp-2 leaves: 2 -> 1 member (cp-3)", text, StringComparison.Ordinal);
        Assert.Contains("After step 2 only 1 member would remain, fewer than a quorum (2) of the 3 members", text, StringComparison.Ordinal);
        // With the default surge every new member joins before an old one leaves: allowed, and one at a time.
        h.Write(Config(1, cp: 3).Replace("name     = \"cp\"\n", "name     = \"cp2\"\n", StringComparison.Ordinal));
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "create standin_cluster_node:cp2-4", "delete standin_cluster_node:cp-1");
        Before(calls, "delete standin_cluster_node:cp-1", "create standin_cluster_node:cp2-5");
        Before(calls, "delete standin_pool:cp-2", "create standin_pool:cp2-6");
    }

    [Fact]
    public async Task ControlPlaneThreeToFiveToThree_PassesBothWays_OneMemberAtATime()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        h.Write(Config(1, cp: 5));
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "create standin_cluster_node:cp-4", "create standin_cluster_node:cp-5");
        h.Write(Config(1, cp: 3));
        (_, calls) = await h.ApplyAsync();
        Before(calls, "delete standin_cluster_node:cp-1", "delete standin_cluster_node:cp-2");
        Before(calls, "delete standin_cluster_node:cp-2", "delete standin_pool:cp-2");
        Assert.Equal(1, h.Provider.MaxInFlightEtcd);
        Assert.Equal(["cp-3", "cp-4", "cp-5"], EtcdMembers(h));
    }

    [Fact]
    public async Task FiveToTwoIsRefusedAtTheStepThatLosesQuorum()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 5));
        await h.ApplyAsync();
        h.Write(Config(1, cp: 2));
        var p = await h.PlanAsync();
        var text = p.Diagnostics.ToString();
        Assert.Contains("This plan would lose etcd quorum in standin_cluster.main. It removes the etcd members cp-1, cp-2, cp-3, one member at a time in this order:", text, StringComparison.Ordinal);
        Assert.Contains("1. cp-1 leaves: 5 -> 4 members", text, StringComparison.Ordinal);
        Assert.Contains("3. cp-3 leaves: 3 -> 2 members (cp-4, cp-5)", text, StringComparison.Ordinal);
        Assert.Contains("After step 3 only 2 members would remain, fewer than a quorum (3) of the 5 members etcd has now", text, StringComparison.Ordinal);
        Assert.Contains("Remove at most 2 etcd node(s) per apply", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollingEtcdWithoutSurgeOneAtATime_IsAllowed_NeverBelowTwoMembers()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        h.Write(Config(1, cp: 3).Replace("name     = \"cp\"\n", "name     = \"cp2\"\n  rollout {\n max_surge = 0\n max_unavailable = 1\n }\n", StringComparison.Ordinal));
        var (_, calls) = await h.ApplyAsync();
        Before(calls, "delete standin_cluster_node:cp-1", "create standin_cluster_node:cp2-4");
        Before(calls, "create standin_cluster_node:cp2-4", "delete standin_cluster_node:cp-2");
        var members = 3;
        foreach (var c in calls.Where(c => c.Contains("standin_cluster_node:cp", StringComparison.Ordinal)))
        {
            members += c.StartsWith("create", StringComparison.Ordinal) ? 1 : -1;
            Assert.InRange(members, 2, 3);
        }
        Assert.Equal(["cp2-4", "cp2-5", "cp2-6"], EtcdMembers(h));
    }

    [Fact]
    public async Task NotReadyEtcdMembersCountAsUnhealthy()
    {
        using var h = new PoolHarness();
        h.Write(Config(1, cp: 3));
        await h.ApplyAsync();
        // One NotReady member: scaling 3 -> 2 removes it first, which keeps a healthy quorum.
        h.Provider.NotReady["cp-2"] = true;
        h.Write(Config(1, cp: 2));
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal(ChangeAction.Delete, p.Plan!.Changes.Single(c => c.Address.ToString() == "standin_cluster_node.main[\"cp-2\"]").Action);
        // Two NotReady members: etcd has no quorum to change its membership.
        h.Provider.NotReady["cp-3"] = true;
        p = await h.PlanAsync();
        var text = p.Diagnostics.ToString();
        Assert.Contains("Only 1 of its 3 etcd members are healthy now (cp-2, cp-3 NotReady or gone), fewer than a quorum (2)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplacingOneNodeOnRequest_ItsMembersLeaveFirstAndJoinAfter()
    {
        using var h = new PoolHarness();
        h.Write(Config(3));
        await h.ApplyAsync();
        var target = Provisioner.Engine.Addresses.AddressParser.ParseInstance("standin_pool.workers[\"workers-2\"]").Address!;
        var (plan, calls) = await h.ApplyAsync(options: new PlanOptions(Replace: [target]));
        var changed = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Address}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal([
            "DeleteThenCreate standin_cluster_node.main[\"workers-2\"]",
            "DeleteThenCreate standin_lb_target.ingress[\"workers-2\"]",
            "DeleteThenCreate standin_pool.workers[\"workers-2\"]",
        ], changed);
        var member = plan.Changes.Single(c => c.Address.ToString() == "standin_cluster_node.main[\"workers-2\"]");
        Assert.Equal("its machine workers-2 is replaced: leaves standin_cluster.main before the old machine is destroyed, joins again on the new one", member.ReasonText);
        Assert.Equal(ActionReason.ReplaceBecauseCannotUpdate, member.Reason);
        Assert.Equal(ActionReason.ReplaceByRequest, plan.Changes.Single(c => c.Address.ToString() == "standin_pool.workers[\"workers-2\"]").Reason);
        Assert.Equal([
            "delete standin_cluster_node:workers-2",
            "delete standin_lb_target:workers-2",
            "delete standin_pool:workers-2",
            "create standin_pool:workers-2",
            "create standin_lb_target:workers-2",
            "create standin_cluster_node:workers-2",
        ], calls);
    }

    [Fact]
    public async Task CountOnAPoolIsAnError()
    {
        using var h = new PoolHarness();
        h.Write("""
            resource "standin_pool" "w" {
              count    = 2
              name     = "w"
              quantity = 1
            }
            """);
        var p = await h.PlanAsync();
        Assert.Contains("count and for_each cannot be used on a node pool", p.Diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountOnAParentWithMembersIsAnErrorThatSaysWhy()
    {
        using var h = new PoolHarness();
        h.Write("""
            resource "standin_pool" "w" {
              name     = "w"
              quantity = 1
              roles    = ["worker"]
            }
            resource "standin_lb" "api" {
              count   = 2
              name    = "api"
              targets = standin_pool.w.nodes
            }
            """);
        var p = await h.PlanAsync();
        var text = p.Diagnostics.ToString();
        Assert.Contains("count and for_each are not supported here", text, StringComparison.Ordinal);
        Assert.Contains("each node becomes a member standin_lb_target.api[\"<node name>\"], keyed by the node's name alone", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DestroyRemovesMembersBeforeMachines()
    {
        using var h = new PoolHarness();
        h.Write(Config(2));
        await h.ApplyAsync();
        var (_, calls) = await h.ApplyAsync(options: new PlanOptions { Mode = PlanMode.Destroy });
        foreach (var n in new[] { "cp-1", "workers-2" })
        {
            Before(calls, $"delete standin_cluster_node:{n}", $"delete standin_pool:{n}");
            Before(calls, $"delete standin_lb_target:{n}", $"delete standin_pool:{n}");
        }
        Assert.Empty(h.Provider.Objects);
    }
}
