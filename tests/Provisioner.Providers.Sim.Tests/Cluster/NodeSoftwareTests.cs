using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk.Bootstrap;

namespace Provisioner.Providers.Sim.Tests.Cluster;

/// <summary>The simulated node software driven through the <see cref="INodeDriver"/> contract: right orders record
/// members and joined nodes and no incident; wrong orders record the incident they would cause.</summary>
public sealed class NodeSoftwareTests : IDisposable
{
    private static readonly ClusterRef Main = new("c-main", "main", "10.0.0.100:6443", "v1.30.4");
    private readonly TempDir _dir = new();
    private readonly SimCloud _cloud;
    private int _tokens;

    public NodeSoftwareTests() => _cloud = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);

    public void Dispose()
    {
        _cloud.Dispose();
        _dir.Dispose();
    }

    private static CancellationToken Ct => CancellationToken.None;

    private INodeDriver Driver(TimeSpan? etcdChangeTime = null) =>
        new NodeDriverRegistry().Register(new NodeSoftwareDriverFactory(TimeProvider.System, etcdChangeTime ?? TimeSpan.FromMilliseconds(1)))
            .Resolve(NodeSoftwareAddress.UriOf(_dir.Path, "m-00000001")).Driver!;

    private async Task<NodeTarget> MachineAsync(string name, params string[] roles)
    {
        var m = await _cloud.CreateMachineAsync("t-" + ++_tokens, new MachineSpec(name, null, "small", "zone-a", null, new Dictionary<string, string>()), Ct);
        Assert.False(m.IsError);
        return Target(name, m.Value!.Id, roles);
    }

    private NodeTarget Target(string name, string machine, params string[] roles) =>
        new(name, machine, NodeSoftwareAddress.UriOf(_dir.Path, machine), "10.0.0.2", "10.0.0.2", roles, NodeSoftwareHostKeys.For(machine));

    private async Task DeleteMachineAsync(NodeTarget node) => Assert.False((await _cloud.DeleteMachineAsync(node.Id, "t-" + ++_tokens, Ct)).IsError);

    private static void Ok(NodeStepResult r) => Assert.True(r.Succeeded, r.Error);

    /// <summary>Create order: probe, runtime, etcd add, control plane, join.</summary>
    private static async Task AddAsync(INodeDriver d, NodeTarget n, ClusterRef? cluster = null)
    {
        var c = cluster ?? Main;
        Ok((await d.ProbeAsync(c, n, Ct)).Step);
        Ok(await d.InstallRuntimeAsync(c, n, Ct));
        if (n.HasRole(NodeRoles.Etcd))
            Ok(await d.AddEtcdMemberAsync(c, n, Ct));
        if (n.HasRole(NodeRoles.ControlPlane))
            Ok(await d.StartControlPlaneAsync(c, n, Ct));
        Ok(await d.JoinAsync(c, n, Ct));
    }

    /// <summary>Delete order: cordon and drain, etcd remove, leave.</summary>
    private static async Task RemoveAsync(INodeDriver d, NodeTarget n, ClusterRef? cluster = null)
    {
        var c = cluster ?? Main;
        Ok(await d.CordonDrainAsync(c, n, drain: true, Ct));
        if (n.HasRole(NodeRoles.Etcd))
            Ok(await d.RemoveEtcdMemberAsync(c, n, Ct));
        Ok(await d.LeaveAsync(c, n, Ct));
    }

    private ClusterSnapshot Snapshot() => ClusterSimulation.Snapshot(_dir.Path);

    [Fact]
    public async Task RightOrder_BuildsTheClusterAndRemovesANode_WithoutIncidents()
    {
        var d = Driver();
        var cps = new[] { await MachineAsync("cp-1", "etcd", "controlplane"), await MachineAsync("cp-2", "etcd", "controlplane"), await MachineAsync("cp-3", "etcd", "controlplane") };
        var w1 = await MachineAsync("w-1", "worker");
        foreach (var n in cps.Append(w1))
            await AddAsync(d, n);

        var s = Snapshot();
        Assert.Equal(["cp-1", "cp-2", "cp-3"], s.EtcdMembers.Select(m => m.Node));
        Assert.All(s.EtcdMembers, m => Assert.True(m.Healthy));
        Assert.Equal(["cp-1", "cp-2", "cp-3", "w-1"], s.JoinedNodes.Select(n => n.Node));
        Assert.All(s.JoinedNodes, n => Assert.Equal("v1.30.4", n.Version));
        Assert.True(s.JoinedNodes.Single(n => n.Node == "cp-1").ControlPlane);
        Assert.False(s.JoinedNodes.Single(n => n.Node == "w-1").ControlPlane);

        await RemoveAsync(d, cps[0]);
        await DeleteMachineAsync(cps[0]);
        await RemoveAsync(d, w1);
        await DeleteMachineAsync(w1);

        s = Snapshot();
        Assert.Empty(s.Incidents);
        Assert.Equal(["cp-2", "cp-3"], s.EtcdMembers.Select(m => m.Node));
        Assert.Equal(["cp-2", "cp-3"], s.JoinedNodes.Select(n => n.Node));
    }

    [Fact]
    public async Task MachineDestroyedBeforeLeaving_IsAnIncidentForTheMemberAndTheJoinedNode()
    {
        var d = Driver();
        var cp = await MachineAsync("cp-1", "etcd", "controlplane", "worker");
        await AddAsync(d, cp);

        await DeleteMachineAsync(cp);

        var kinds = Snapshot().Incidents.Select(i => (i.Kind, i.Node)).ToList();
        Assert.Contains((ClusterIncidentKinds.MachineDestroyedWithEtcdMember, "cp-1"), kinds);
        Assert.Contains((ClusterIncidentKinds.MachineDestroyedWhileJoined, "cp-1"), kinds);
        // The only member's machine is gone: quorum (1 of 1) is lost too.
        Assert.Contains((ClusterIncidentKinds.QuorumLost, ""), kinds);
    }

    [Fact]
    public async Task DrainedWorkerDestroyedBeforeLeaving_IsNoIncident()
    {
        var d = Driver();
        var w = await MachineAsync("w-1", "worker");
        await AddAsync(d, w);
        Ok(await d.CordonDrainAsync(Main, w, drain: true, Ct));

        await DeleteMachineAsync(w);

        Assert.Empty(Snapshot().Incidents);
    }

    [Fact]
    public async Task TwoOfThreeEtcdMachinesDestroyed_LosesQuorumOnce()
    {
        var d = Driver();
        var cps = new[] { await MachineAsync("cp-1", "etcd"), await MachineAsync("cp-2", "etcd"), await MachineAsync("cp-3", "etcd") };
        foreach (var n in cps)
            await AddAsync(d, n);

        await DeleteMachineAsync(cps[0]);
        Assert.DoesNotContain(Snapshot().Incidents, i => i.Kind == ClusterIncidentKinds.QuorumLost);
        await DeleteMachineAsync(cps[1]);

        var incidents = Snapshot().Incidents;
        Assert.Single(incidents, i => i.Kind == ClusterIncidentKinds.QuorumLost);
        Assert.Contains("1 healthy of 3 members, 2 needed", incidents.Single(i => i.Kind == ClusterIncidentKinds.QuorumLost).Detail);
        Assert.Equal(2, incidents.Count(i => i.Kind == ClusterIncidentKinds.MachineDestroyedWithEtcdMember));
    }

    [Fact]
    public async Task JoinBeforeTheMachineExists_IsAnIncidentAndFails()
    {
        var d = Driver();
        var ghost = Target("w-9", "m-000000ff", "worker");

        var join = await d.JoinAsync(Main, ghost, Ct);
        var etcd = await d.AddEtcdMemberAsync(Main, ghost with { Name = "cp-9" }, Ct);

        Assert.False(join.Succeeded);
        Assert.False(etcd.Succeeded);
        var incidents = Snapshot().Incidents;
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(ClusterIncidentKinds.JoinedBeforeMachine, i.Kind));
        Assert.Empty(Snapshot().JoinedNodes);
    }

    [Fact]
    public async Task ControlPlaneJoinedBeforeTheApiLoadBalancerRegisteredIt_IsAnIncident_AfterIsNot()
    {
        var d = Driver();
        var lb = await _cloud.CreateLoadBalancerAsync("t-lb", new LoadBalancerSpec("api", [new SimListener(6443, 6443)], null), Ct);
        Assert.False(lb.IsError);
        var api = Main with { ApiEndpoint = $"https://{lb.Value!.DnsName}:6443" };
        var early = await MachineAsync("cp-1", "etcd", "controlplane");
        var late = await MachineAsync("cp-2", "etcd", "controlplane");
        var worker = await MachineAsync("w-1", "worker");

        Assert.False((await _cloud.RegisterTargetAsync(lb.Value.Id, "cp-2", late.Id, "t-reg", Ct)).IsError);
        Ok(await d.JoinAsync(api, early, Ct));
        Ok(await d.JoinAsync(api, late, Ct));
        Ok(await d.JoinAsync(api, worker, Ct));

        var incident = Assert.Single(Snapshot().Incidents);
        Assert.Equal(ClusterIncidentKinds.JoinedBeforeLoadBalancer, incident.Kind);
        Assert.Equal("cp-1", incident.Node);
    }

    private async Task<(ClusterRef Api, string LbId)> ApiLoadBalancerAsync()
    {
        var lb = await _cloud.CreateLoadBalancerAsync("t-lb", new LoadBalancerSpec("api", [new SimListener(6443, 6443)], null), Ct);
        Assert.False(lb.IsError);
        return (Main with { ApiEndpoint = $"https://{lb.Value!.Address}:6443" }, lb.Value.Id);
    }

    private async Task RegisterAsync(string lbId, NodeTarget n) =>
        Assert.False((await _cloud.RegisterTargetAsync(lbId, n.Name, n.Id, "t-" + ++_tokens, Ct)).IsError);

    private async Task DeregisterAsync(string lbId, NodeTarget n) =>
        Assert.False((await _cloud.DeregisterTargetAsync(lbId, n.Name, "t-" + ++_tokens, Ct)).IsError);

    [Fact]
    public async Task ControlPlaneDeregisteredFromTheApiLoadBalancerWhileJoined_IsAnIncident_AWorkerIsNot()
    {
        var d = Driver();
        var (api, lbId) = await ApiLoadBalancerAsync();
        var cp = await MachineAsync("cp-1", "etcd", "controlplane");
        var worker = await MachineAsync("w-1", "worker");
        foreach (var n in new[] { cp, worker })
        {
            await RegisterAsync(lbId, n);
            await AddAsync(d, n, api);
        }
        Assert.Empty(Snapshot().Incidents);

        // Deregistered before the node left: the API endpoint stops sending to a control plane still in the cluster.
        await DeregisterAsync(lbId, cp);
        await DeregisterAsync(lbId, worker);

        var incident = Assert.Single(Snapshot().Incidents);
        Assert.Equal(ClusterIncidentKinds.DeregisteredWhileJoined, incident.Kind);
        Assert.Equal("cp-1", incident.Node);
        Assert.Equal(cp.Id, incident.Machine);
        Assert.Equal(Main.Id, incident.Cluster);
        Assert.Contains($"deregistered from load balancer {lbId}", incident.Detail);
    }

    [Fact]
    public async Task ControlPlaneLeavesThenIsDeregisteredThenDestroyed_IsNoIncident()
    {
        var d = Driver();
        var (api, lbId) = await ApiLoadBalancerAsync();
        var cps = new[] { await MachineAsync("cp-1", "etcd", "controlplane"), await MachineAsync("cp-2", "etcd", "controlplane"), await MachineAsync("cp-3", "etcd", "controlplane") };
        foreach (var n in cps)
        {
            await RegisterAsync(lbId, n);
            await AddAsync(d, n, api);
        }

        // The engine's delete order: drain, etcd member removed, leave; then deregister; then destroy.
        await RemoveAsync(d, cps[0], api);
        await DeregisterAsync(lbId, cps[0]);
        await DeleteMachineAsync(cps[0]);

        var s = Snapshot();
        Assert.Empty(s.Incidents);
        Assert.Equal(["cp-2", "cp-3"], s.JoinedNodes.Select(n => n.Node));
        Assert.Equal(["cp-2", "cp-3"], _cloud.Snapshot().LoadBalancers.Single().Targets.Select(t => t.NodeName));
    }

    [Fact]
    public async Task TwoEtcdChangesAtOnce_IsAnIncident_OneAtATimeIsNot()
    {
        var d = Driver(TimeSpan.FromMilliseconds(300));
        var a = await MachineAsync("cp-1", "etcd");
        var b = await MachineAsync("cp-2", "etcd");
        var c = await MachineAsync("cp-3", "etcd");

        Ok(await d.AddEtcdMemberAsync(Main, a, Ct));
        Assert.Empty(Snapshot().Incidents);

        var both = await Task.WhenAll(d.AddEtcdMemberAsync(Main, b, Ct), d.AddEtcdMemberAsync(Main, c, Ct));

        Assert.All(both, Ok);
        var incident = Assert.Single(Snapshot().Incidents);
        Assert.Equal(ClusterIncidentKinds.ConcurrentEtcdChange, incident.Kind);
        Assert.Equal(3, Snapshot().EtcdMembers.Count);
    }

    [Fact]
    public async Task Probe_PinnedHostKey_DifferentKeyIsRefused()
    {
        var d = Driver();
        var n = await MachineAsync("cp-1", "etcd");

        var right = await d.ProbeAsync(Main, n, Ct);
        var unpinned = await d.ProbeAsync(Main, n with { HostKey = null }, Ct);
        var wrong = await d.ProbeAsync(Main, n with { HostKey = NodeSoftwareHostKeys.For("m-other") }, Ct);

        Ok(right.Step);
        Assert.Equal(n.HostKey, right.HostKey);
        Assert.StartsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", right.HostKey);
        Assert.Equal(n.HostKey, unpinned.HostKey);
        Assert.False(wrong.Step.Succeeded);
        Assert.False(wrong.Step.Retriable);
        Assert.Contains("host key", wrong.Step.Error);
    }

    [Fact]
    public async Task Steps_AreIdempotent()
    {
        var d = Driver();
        var n = await MachineAsync("cp-1", "etcd", "controlplane");
        await AddAsync(d, n);
        await AddAsync(d, n);
        await RemoveAsync(d, n);
        await RemoveAsync(d, n);
        await AddAsync(d, n);

        var s = Snapshot();
        Assert.Single(s.EtcdMembers);
        Assert.Single(s.JoinedNodes);
        Assert.Empty(s.Incidents);
    }

    [Fact]
    public async Task FailJoinKnob_FailsTheGivenNumberOfJoins()
    {
        var d = Driver();
        var n = await MachineAsync("w-1", "worker");
        NodeSoftwareKnobs.FailJoins(_dir.Path, "w-1", 2);
        Assert.Equal([new ClusterNodeKnobs("w-1", 2, 0)], Snapshot().Knobs);

        var first = await d.JoinAsync(Main, n, Ct);
        var second = await d.JoinAsync(Main, n, Ct);
        var third = await d.JoinAsync(Main, n, Ct);

        Assert.False(first.Succeeded);
        Assert.Contains("did not register", first.Error);
        Assert.False(second.Succeeded);
        Ok(third);
        Assert.Single(Snapshot().JoinedNodes);
        Assert.Empty(Snapshot().Knobs);
    }

    [Fact]
    public async Task KillKnob_MakesTheNodeNotReadyAndUnreachable_AndCanLoseQuorum()
    {
        var d = Driver();
        var a = await MachineAsync("cp-1", "etcd", "worker");
        var b = await MachineAsync("cp-2", "etcd", "worker");
        await AddAsync(d, a);
        await AddAsync(d, b);

        NodeSoftwareKnobs.Kill(_dir.Path, a.Id);

        Assert.True(NodeSoftwareKnobs.IsDead(_dir.Path, a.Id));
        Assert.False(NodeSoftwareKnobs.IsDead(_dir.Path, b.Id));
        var status = await d.StatusAsync(Main, a, Ct);
        Assert.True(status.Exists);
        Assert.True(status.Joined);
        Assert.False(status.Ready);
        Assert.False((await d.ProbeAsync(Main, a, Ct)).Step.Succeeded);
        var s = Snapshot();
        Assert.Equal([a.Id], s.DeadMachines);
        Assert.False(s.JoinedNodes.Single(n => n.Node == "cp-1").Ready);
        Assert.False(s.EtcdMembers.Single(m => m.Node == "cp-1").Healthy);
        // 1 healthy of 2 members: below the quorum of 2.
        Assert.Single(s.Incidents, i => i.Kind == ClusterIncidentKinds.QuorumLost);

        // Removing the dead member runs against the cluster's etcd: it works, and quorum (1 of 1) is back.
        await RemoveAsync(d, a);
        Assert.Equal(["cp-2"], Snapshot().EtcdMembers.Select(m => m.Node));
    }

    [Fact]
    public async Task SlowDrainKnob_DrainTakesThatLong()
    {
        var d = Driver();
        var n = await MachineAsync("w-1", "worker");
        await AddAsync(d, n);
        NodeSoftwareKnobs.SlowDrain(_dir.Path, "w-1", TimeSpan.FromMilliseconds(200));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Ok(await d.CordonDrainAsync(Main, n, drain: true, Ct));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"drain took {watch.Elapsed}");
        Assert.True(Snapshot().JoinedNodes.Single().Drained);
    }

    [Fact]
    public async Task Upgrade_ChangesTheVersionAndUncordons()
    {
        var d = Driver();
        var n = await MachineAsync("w-1", "worker");
        await AddAsync(d, n);

        Ok(await d.UpgradeAsync(Main, n, "v1.31.1", drain: true, Ct));

        var joined = Snapshot().JoinedNodes.Single();
        Assert.Equal("v1.31.1", joined.Version);
        Assert.False(joined.Cordoned);
        Assert.False(joined.Drained);
        Assert.Equal("v1.31.1", (await d.StatusAsync(Main, n, Ct)).KubernetesVersion);
    }

    [Fact]
    public void Address_RoundTrips_AndRejectsOtherSchemes()
    {
        var uri = NodeSoftwareAddress.UriOf(_dir.Path, "m-0000000a");
        var parsed = NodeSoftwareAddress.TryParse(uri);

        Assert.Equal(new NodeSoftwareAddress(Path.GetFullPath(_dir.Path), "m-0000000a"), parsed);
        Assert.Null(NodeSoftwareAddress.TryParse("ssh://root@10.0.0.1"));
        Assert.Null(NodeSoftwareAddress.TryParse("sim:relative/m-1"));
    }

    [Fact]
    public void Registry_UnknownScheme_SaysWhichAreKnown()
    {
        var registry = new NodeDriverRegistry().Register(new NodeSoftwareDriverFactory());

        var (driver, error) = registry.Resolve("ssh://root@10.0.0.1:22");

        Assert.Null(driver);
        Assert.Contains("\"ssh\"", error);
        Assert.Contains("known: sim", error);
    }

    [Fact]
    public async Task Log_IsSharedWithAnotherReader()
    {
        var d = Driver();
        var n = await MachineAsync("w-1", "worker");
        await AddAsync(d, n);

        // A fresh reader of the same directory replays the log from the file.
        var lines = await File.ReadAllLinesAsync(Path.Combine(_dir.Path, "cluster.jsonl"));
        Assert.Contains(lines, l => l.Contains("\"op\":\"join\"", StringComparison.Ordinal) && l.Contains("\"node\":\"w-1\"", StringComparison.Ordinal));
    }
}
