using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Protocol;
using static Provisioner.Providers.Cluster.Tests.ProviderDriver;

namespace Provisioner.Providers.Cluster.Tests;

/// <summary>cluster_rke_node members through the provider protocol, against the sim's node software.</summary>
public sealed class ClusterRkeNodeTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SimCloud _cloud;
    private readonly ProviderDriver _p = new();
    private int _tokens;

    public ClusterRkeNodeTests() => _cloud = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);

    public void Dispose()
    {
        _cloud.Dispose();
        _dir.Dispose();
    }

    private async Task<HclValue> TemplateAsync(string version = "v1.30.4")
    {
        var config = _p.Config("cluster_template", ("name", HclValue.String("prod")), ("kubernetes_version", HclValue.String(version)));
        return (await _p.ChangeAsync("cluster_template", HclValue.NullOf(config.Type), config)).State;
    }

    /// <summary>The cluster's object as members see it (its node list null).</summary>
    private async Task<HclValue> ClusterAsync(string version = "v1.30.4")
    {
        var config = _p.Config("cluster_rke", ("name", HclValue.String("main")), ("template", await TemplateAsync(version)),
            ("api_endpoint", HclValue.String("10.0.0.100:6443")));
        return (await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config)).State;
    }

    /// <summary>A sim machine and its node object, as a node pool gives it.</summary>
    private async Task<HclValue> NodeAsync(string name, params string[] roles)
    {
        var m = await _cloud.CreateMachineAsync("t-" + ++_tokens, new MachineSpec(name, null, "small", "zone-a", null, new Dictionary<string, string>()), CancellationToken.None);
        Assert.False(m.IsError);
        return NodeObject(name, m.Value!.Id, m.Value.Address, roles);
    }

    private HclValue NodeObject(string name, string machine, string address, string[] roles, string? hostKey = null, string? bootstrap = null) => HclValue.Object(
        ("name", HclValue.String(name)),
        ("id", HclValue.String(machine)),
        ("address", HclValue.String(address)),
        ("internal_address", HclValue.String(address)),
        ("roles", HclValue.List(roles.Select(HclValue.String))),
        ("host_key", HclValue.String(hostKey ?? NodeSoftwareHostKeys.For(machine))),
        ("template_revision", HclValue.Number(1)),
        ("ready", HclValue.True),
        ("bootstrap", HclValue.String(bootstrap ?? NodeSoftwareAddress.UriOf(_dir.Path, machine))));

    private HclValue Member(HclValue cluster, HclValue node) => _p.Config("cluster_rke_node", ("parent", cluster), ("node", node));

    private async Task<HclValue> JoinAsync(HclValue cluster, HclValue node) =>
        (await _p.ChangeAsync("cluster_rke_node", HclValue.NullOf(Member(cluster, node).Type), Member(cluster, node))).State;

    private async Task LeaveAsync(HclValue member)
    {
        var (gone, _) = await _p.ChangeAsync("cluster_rke_node", member, HclValue.NullOf(member.Type));
        Assert.True(gone.IsNull);
    }

    private async Task DestroyMachineAsync(HclValue node) =>
        Assert.False((await _cloud.DeleteMachineAsync(Str(node, "id"), "t-" + ++_tokens, CancellationToken.None)).IsError);

    private ClusterSnapshot Sim() => ClusterSnapshot.Read(_dir.Path);

    [Fact]
    public async Task ThreeControlPlaneTwoWorkers_JoinInChainOrder_NoIncidents_ThenScaleDownSafely()
    {
        var cluster = await ClusterAsync();
        var cps = new[] { await NodeAsync("cp-1", "etcd", "controlplane"), await NodeAsync("cp-2", "etcd", "controlplane"), await NodeAsync("cp-3", "etcd", "controlplane") };
        var workers = new[] { await NodeAsync("w-1", "worker"), await NodeAsync("w-2", "worker") };

        var members = new List<HclValue>();
        foreach (var n in cps.Concat(workers))
            members.Add(await JoinAsync(cluster, n));

        Assert.All(members, m => Assert.Equal("ready", Str(m, "phase")));
        Assert.Equal($"{Str(cluster, "id")}/cp-1", Str(members[0], "id"));
        Assert.True(members[0].GetAttribute("etcd_member").AsBool());
        Assert.False(members[3].GetAttribute("etcd_member").AsBool());
        var sim = Sim();
        Assert.Equal(["cp-1", "cp-2", "cp-3"], sim.EtcdMembers.Select(m => m.Node));
        Assert.Equal(5, sim.JoinedNodes.Count);
        Assert.All(sim.JoinedNodes, n => Assert.Equal(Str(cluster, "id"), n.Cluster));

        // Removing a worker and an etcd node: the member leaves first, then the machine goes.
        await LeaveAsync(members[4]);
        await DestroyMachineAsync(workers[1]);
        await LeaveAsync(members[0]);
        await DestroyMachineAsync(cps[0]);

        sim = Sim();
        Assert.Empty(sim.Incidents);
        Assert.Equal(["cp-2", "cp-3"], sim.EtcdMembers.Select(m => m.Node));
        Assert.Equal(["cp-2", "cp-3", "w-1"], sim.JoinedNodes.Select(n => n.Node));
    }

    [Fact]
    public async Task MachineDestroyedBeforeTheMemberLeft_IsAnIncident()
    {
        var cluster = await ClusterAsync();
        var cp = await NodeAsync("cp-1", "etcd", "controlplane");
        await JoinAsync(cluster, cp);

        await DestroyMachineAsync(cp);

        Assert.Contains(Sim().Incidents, i => i.Kind == ClusterIncidentKinds.MachineDestroyedWithEtcdMember && i.Node == "cp-1");
    }

    [Fact]
    public async Task FailedJoin_LeavesAPhase_NextApplyResumesWithoutTouchingTheMachine()
    {
        var cluster = await ClusterAsync();
        var w = await NodeAsync("w-1", "worker");
        NodeSoftwareKnobs.FailJoins(_dir.Path, "w-1", 1);
        var config = Member(cluster, w);

        var plan = await _p.PlanAsync("cluster_rke_node", HclValue.NullOf(config.Type), config);
        var failed = await _p.ApplyAsync("cluster_rke_node", HclValue.NullOf(config.Type), plan, config);

        var error = Assert.Single(failed.Diagnostics, d => d.IsError);
        Assert.Contains("stopped at bootstrap step \"join\"", error.Summary);
        Assert.Contains("did not register", error.Detail);
        Assert.Equal("join", Str(failed.NewState, "phase"));
        Assert.Empty(Sim().JoinedNodes);

        // Next apply: the recorded phase is not ready, so the plan is an in-place update that resumes.
        var resume = await _p.PlanAsync("cluster_rke_node", failed.NewState, config);
        Assert.Empty(resume.RequiresReplace);
        Assert.Equal("ready", Str(resume.PlannedState, "phase"));
        var done = await _p.ApplyAsync("cluster_rke_node", failed.NewState, resume, config);
        NoErrors(done.Diagnostics);
        Assert.Equal("ready", Str(done.NewState, "phase"));
        Assert.Single(Sim().JoinedNodes);
        Assert.Single(_cloud.Snapshot().Machines);
        Assert.Empty(Sim().Incidents);
    }

    [Fact]
    public async Task NewKubernetesVersion_UpgradesTheNodeInPlace()
    {
        var cluster = await ClusterAsync();
        var w = await NodeAsync("w-1", "worker");
        var member = await JoinAsync(cluster, w);
        var newer = await ClusterAsync("v1.31.1");
        // Same cluster id: the parent moved to a newer template revision.
        newer = ClusterValues.With(newer.UnmarkDeep().Value, ("id", cluster.UnmarkDeep().Value.GetAttribute("id")));

        var plan = await _p.PlanAsync("cluster_rke_node", member, Member(newer, w));
        Assert.Empty(plan.RequiresReplace);
        Assert.Equal("v1.31.1", Str(plan.PlannedState, "kubernetes_version"));
        var applied = await _p.ApplyAsync("cluster_rke_node", member, plan, Member(newer, w));

        NoErrors(applied.Diagnostics);
        var joined = Assert.Single(Sim().JoinedNodes);
        Assert.Equal("v1.31.1", joined.Version);
        Assert.False(joined.Cordoned);
        var read = await _p.ReadAsync("cluster_rke_node", applied.NewState);
        Sdk.TestKit.ValueAssert.Same(applied.NewState, read);
    }

    [Fact]
    public async Task AnotherMachineUnderTheSameName_ReplacesTheMember()
    {
        var cluster = await ClusterAsync();
        var w = await NodeAsync("w-1", "worker");
        var member = await JoinAsync(cluster, w);
        var rebuilt = await NodeAsync("w-1", "worker");

        var plan = await _p.PlanAsync("cluster_rke_node", member, Member(cluster, rebuilt));

        Assert.Equal("node.id", Assert.Single(plan.RequiresReplace).ToString());
    }

    [Fact]
    public async Task DifferentHostKey_IsRefusedAtProbe()
    {
        var cluster = await ClusterAsync();
        var m = await NodeAsync("w-1", "worker");
        var forged = NodeObject("w-1", Str(m, "id"), Str(m, "address"), ["worker"], hostKey: NodeSoftwareHostKeys.For("m-someone-else"));
        var config = Member(cluster, forged);

        var plan = await _p.PlanAsync("cluster_rke_node", HclValue.NullOf(config.Type), config);
        var applied = await _p.ApplyAsync("cluster_rke_node", HclValue.NullOf(config.Type), plan, config);

        Assert.Contains(applied.Diagnostics, d => d.IsError && d.Summary.Contains("\"probe\"") && d.Detail.Contains("host key"));
        Assert.Equal("probe", Str(applied.NewState, "phase"));
        Assert.Empty(Sim().JoinedNodes);
    }

    [Fact]
    public async Task UnknownBootstrapScheme_SaysSo()
    {
        var cluster = await ClusterAsync();
        var config = Member(cluster, NodeObject("w-1", "m-1", "10.0.0.9", ["worker"], bootstrap: "ssh://root@10.0.0.9:22"));

        var plan = await _p.PlanAsync("cluster_rke_node", HclValue.NullOf(config.Type), config);
        var applied = await _p.ApplyAsync("cluster_rke_node", HclValue.NullOf(config.Type), plan, config);

        var error = Assert.Single(applied.Diagnostics, d => d.IsError);
        Assert.Contains("No node driver for the bootstrap scheme \"ssh\"", error.Detail);
    }

    [Fact]
    public async Task Refresh_NodeThatLeftBehindOurBack_PlansARejoin_GoneEverywhere_IsNull()
    {
        var cluster = await ClusterAsync();
        var w = await NodeAsync("w-1", "worker");
        var member = await JoinAsync(cluster, w);
        var driver = _p.Drivers.Resolve(Str(w, "bootstrap")).Driver!;
        var target = new NodeTarget("w-1", Str(w, "id"), Str(w, "bootstrap"), "", "", ["worker"]);
        var clusterRef = new ClusterRef(Str(cluster, "id"), "main", "", "v1.30.4");
        Assert.True((await driver.LeaveAsync(clusterRef, target, CancellationToken.None)).Succeeded);

        var read = await _p.ReadAsync("cluster_rke_node", member);
        Assert.Equal("probe", Str(read, "phase"));

        await DestroyMachineAsync(w);
        Assert.True((await _p.ReadAsync("cluster_rke_node", member)).IsNull);
    }

    [Fact]
    public async Task Recover_JoinedNodeIsCompleted_OtherwiseNotApplied()
    {
        var cluster = await ClusterAsync();
        var w = await NodeAsync("w-1", "worker");
        var config = Member(cluster, w);
        var plan = await _p.PlanAsync("cluster_rke_node", HclValue.NullOf(config.Type), config);
        var planned = plan.PlannedState;

        var before = await _p.Provider.RecoverAsync(new RecoverRequest("cluster_rke_node", ChangeKind.Create, "t", HclValue.NullOf(planned.Type), planned), CancellationToken.None);
        await _p.ApplyAsync("cluster_rke_node", HclValue.NullOf(config.Type), plan, config);
        var after = await _p.Provider.RecoverAsync(new RecoverRequest("cluster_rke_node", ChangeKind.Create, "t", HclValue.NullOf(planned.Type), planned), CancellationToken.None);

        Assert.Equal(RecoverOutcome.NotApplied, before.Outcome);
        Assert.Equal(RecoverOutcome.Completed, after.Outcome);
    }
}
