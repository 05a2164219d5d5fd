using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Sim.Tests;

public sealed class SimNodePoolProviderTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SkippingTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => CancellationToken.None;

    private async Task<SimProvider> ConfiguredAsync()
    {
        var provider = (SimProvider)new SimProviderFactory(_time).Create();
        var attrs = SimSchemas.ProviderConfig.Attributes.ToDictionary(a => a.Key, a => HclValue.NullOf(a.Value.Type), StringComparer.Ordinal);
        Assert.Empty(await provider.ConfigureAsync(new ConfigureRequest(HclValue.Object(attrs), _dir.Path), Ct));
        return provider;
    }

    private static HclValue NodeConfig(string node, string size = "small")
    {
        var block = SimPoolSchemas.NodePoolResource.Block;
        var attrs = block.ImpliedType().AttributeTypes.ToDictionary(a => a.Key, a => HclValue.NullOf(a.Value), StringComparer.Ordinal);
        attrs["name"] = HclValue.String("workers");
        attrs["quantity"] = HclValue.Number(1);
        attrs["roles"] = HclValue.List(HclValue.String("worker"));
        attrs["size"] = HclValue.String(size);
        attrs["zone"] = HclValue.String("zone-a");
        attrs["node_name"] = HclValue.String(node);
        attrs["template_revision"] = HclValue.Number(1);
        attrs["template_hash"] = HclValue.String("abc");
        return HclValue.Object(attrs);
    }

    [Fact]
    public async Task NodeIsAMachineWithBootstrapUriHostKeyAndReady()
    {
        var p = await ConfiguredAsync();
        var config = NodeConfig("workers-1");
        var type = SimPoolSchemas.NodePoolResource.Block.ImpliedType();
        var plan = await p.PlanChangeAsync(new PlanRequest(SimPoolSchemas.NodePool, HclValue.NullOf(type),
            ObjectChange.ProposedNew(SimPoolSchemas.NodePoolResource.Block, HclValue.NullOf(type), config), config, null), Ct);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal("workers-1", plan.PlannedState.GetAttribute("node_name").AsString());
        Assert.False(plan.PlannedState.GetAttribute("id").IsKnown);
        var applied = await p.ApplyChangeAsync(new ApplyRequest(SimPoolSchemas.NodePool, HclValue.NullOf(type), plan.PlannedState, config, null, "tok-1"), Ct);
        Assert.Empty(applied.Diagnostics);
        var v = applied.NewState;
        var id = v.GetAttribute("id").AsString();
        Assert.True(v.GetAttribute("ready").AsBool());
        Assert.Equal(NodeSoftwareHostKeys.For(id), v.GetAttribute("host_key").AsString());
        var address = NodeSoftwareAddress.TryParse(v.GetAttribute("bootstrap").AsString());
        Assert.NotNull(address);
        Assert.Equal(id, address.MachineId);
        Assert.Equal(Path.GetFullPath(Path.Combine(_dir.Path, ".sim")), address.InventoryDir);
        Assert.Equal("workers-1", p.Cloud!.Snapshot().Machines.Single().Name);

        // Gone outside Provisioner: a read says so.
        await p.Cloud.DeleteMachineAsync(id, "outside", Ct);
        var read = await p.ReadAsync(new ReadRequest(SimPoolSchemas.NodePool, v, null), Ct);
        Assert.True(read.NewState.IsNull);
    }

    private async Task<HclValue> CreateNodeAsync(SimProvider p, HclValue config)
    {
        var type = SimPoolSchemas.NodePoolResource.Block.ImpliedType();
        var plan = await p.PlanChangeAsync(new PlanRequest(SimPoolSchemas.NodePool, HclValue.NullOf(type),
            ObjectChange.ProposedNew(SimPoolSchemas.NodePoolResource.Block, HclValue.NullOf(type), config), config, null), Ct);
        Assert.Empty(plan.Diagnostics);
        var applied = await p.ApplyChangeAsync(new ApplyRequest(SimPoolSchemas.NodePool, HclValue.NullOf(type), plan.PlannedState, config, null,
            "create-" + SimValues.Str(config, "node_name")), Ct);
        Assert.Empty(applied.Diagnostics);
        return applied.NewState;
    }

    [Fact]
    public async Task KilledMachine_ReadsNotReady_InOneBatch_OthersStayReady()
    {
        var p = await ConfiguredAsync();
        var nodes = new List<HclValue>();
        for (var n = 1; n <= 5; n++)
            nodes.Add(await CreateNodeAsync(p, NodeConfig($"workers-{n}")));
        Assert.All(nodes, v => Assert.True(v.GetAttribute("ready").AsBool()));

        NodeSoftwareKnobs.Kill(p.Cloud!.Directory, nodes[2].GetAttribute("id").AsString());
        var read = await p.ReadManyAsync([.. nodes.Select(v => new ReadRequest(SimPoolSchemas.NodePool, v, null))], Ct);

        Assert.All(read, r => Assert.Empty(r.Diagnostics));
        Assert.Equal([true, true, false, true, true], read.Select(r => r.NewState.GetAttribute("ready").AsBool()));
        // The machine still exists (the cloud lists it): the node is NotReady, not gone.
        Assert.Equal(nodes[2].GetAttribute("id").AsString(), read[2].NewState.GetAttribute("id").AsString());

        // An update of the dead machine (labels in place) keeps it NotReady.
        var type = SimPoolSchemas.NodePoolResource.Block.ImpliedType();
        var relabelled = NodeConfig("workers-3").Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        relabelled["labels"] = HclValue.MapOf(HclType.String, [new("tier", HclValue.String("app"))]);
        var config = HclValue.Object(relabelled);
        var plan = await p.PlanChangeAsync(new PlanRequest(SimPoolSchemas.NodePool, read[2].NewState,
            ObjectChange.ProposedNew(SimPoolSchemas.NodePoolResource.Block, read[2].NewState, config), config, null), Ct);
        var updated = await p.ApplyChangeAsync(new ApplyRequest(SimPoolSchemas.NodePool, read[2].NewState, plan.PlannedState, config, null, "relabel"), Ct);
        Assert.Empty(updated.Diagnostics);
        Assert.False(updated.NewState.GetAttribute("ready").AsBool());
    }

    private static HclValue Failure(string[]? nodes, long? failJoinTimes = null, double? slowDrainMs = null) => HclValue.Object(
        ("nodes", nodes is null ? HclValue.NullOf(HclType.List(HclType.String)) : HclValue.List(nodes.Select(HclValue.String))),
        ("fail_join_times", failJoinTimes is { } f ? HclValue.Number(f) : HclValue.NullOf(HclType.Number)),
        ("slow_drain_ms", slowDrainMs is { } d ? HclValue.Number(d) : HclValue.NullOf(HclType.Number)));

    private static HclValue WithFailures(HclValue config, params HclValue[] failures)
    {
        var attrs = config.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        attrs["failure"] = failures.Length == 0
            ? HclValue.ListOf(SimPoolSchemas.NodePoolResource.Block.ImpliedType().AttributeTypes["failure"].ElementType!)
            : HclValue.List(failures);
        return HclValue.Object(attrs);
    }

    private async Task<HclValue> UpdateNodeAsync(SimProvider p, HclValue prior, HclValue config, string token)
    {
        var plan = await p.PlanChangeAsync(new PlanRequest(SimPoolSchemas.NodePool, prior,
            ObjectChange.ProposedNew(SimPoolSchemas.NodePoolResource.Block, prior, config), config, null), Ct);
        Assert.Empty(plan.Diagnostics);
        var applied = await p.ApplyChangeAsync(new ApplyRequest(SimPoolSchemas.NodePool, prior, plan.PlannedState, config, null, token), Ct);
        Assert.Empty(applied.Diagnostics);
        return applied.NewState;
    }

    /// <summary>The knobs the node software holds for <paramref name="node"/>: joins left to fail, drain time.</summary>
    private (int FailJoins, TimeSpan SlowDrain) Knobs(SimProvider p, string node) =>
        ClusterSimulation.For(p.Cloud!.Directory).Locked(_time, Ct, s =>
            (s.Model.FailJoins.GetValueOrDefault(node), s.Model.SlowDrains.GetValueOrDefault(node)));

    [Fact]
    public async Task FailureBlocks_ArmTheNamedNodesKnobs_OnCreate_AndNotAgainOnTheSameConfiguration()
    {
        var p = await ConfiguredAsync();
        HclValue Config(string node, long failJoins) => WithFailures(NodeConfig(node),
            Failure(null, slowDrainMs: 250),
            Failure(["workers-2"], failJoinTimes: failJoins));

        var w1 = await CreateNodeAsync(p, Config("workers-1", 1));
        var w2 = await CreateNodeAsync(p, Config("workers-2", 1));

        Assert.Equal((0, TimeSpan.FromMilliseconds(250)), Knobs(p, "workers-1"));
        Assert.Equal((1, TimeSpan.FromMilliseconds(250)), Knobs(p, "workers-2"));

        // The join fails once (the knob counts down); an in-place update with the same blocks does not re-arm it.
        var driver = new NodeSoftware(_time);
        var cluster = new ClusterRef("c-1", "main", "10.0.0.100:6443", "v1.30.4");
        var id = w2.GetAttribute("id").AsString();
        var target = new NodeTarget("workers-2", id, w2.GetAttribute("bootstrap").AsString(), "10.0.0.3", "10.0.0.3", ["worker"], NodeSoftwareHostKeys.For(id));
        Assert.False((await driver.JoinAsync(cluster, target, Ct)).Succeeded);
        Assert.True((await driver.JoinAsync(cluster, target, Ct)).Succeeded);
        var relabelled = Config("workers-2", 1).Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        relabelled["labels"] = HclValue.MapOf(HclType.String, [new("tier", HclValue.String("app"))]);
        w2 = await UpdateNodeAsync(p, w2, HclValue.Object(relabelled), "relabel");
        Assert.Equal(0, Knobs(p, "workers-2").FailJoins);

        // A new value arms it again; removing the blocks clears the knobs they set.
        w2 = await UpdateNodeAsync(p, w2, Config("workers-2", 3), "three");
        Assert.Equal((3, TimeSpan.FromMilliseconds(250)), Knobs(p, "workers-2"));
        await UpdateNodeAsync(p, w2, WithFailures(NodeConfig("workers-2")), "none");
        Assert.Equal((0, TimeSpan.Zero), Knobs(p, "workers-2"));
        await UpdateNodeAsync(p, w1, WithFailures(NodeConfig("workers-1")), "none-1");
        Assert.Equal((0, TimeSpan.Zero), Knobs(p, "workers-1"));
    }

    [Fact]
    public async Task NodesWithoutFailureBlocks_LeaveKnobsSetThroughTheApiAlone()
    {
        var p = await ConfiguredAsync();
        NodeSoftwareKnobs.FailJoins(p.Cloud!.Directory, "workers-1", 2);

        var w1 = await CreateNodeAsync(p, NodeConfig("workers-1"));
        await CreateNodeAsync(p, WithFailures(NodeConfig("workers-2"), Failure(["workers-2"], failJoinTimes: 1)));
        await UpdateNodeAsync(p, w1, WithFailures(NodeConfig("workers-1"), Failure(["workers-2"], failJoinTimes: 1)), "u");

        Assert.Equal(2, Knobs(p, "workers-1").FailJoins);
        Assert.Equal(1, Knobs(p, "workers-2").FailJoins);
    }

    [Fact]
    public async Task FailureBlocks_AreValidated()
    {
        var p = await ConfiguredAsync();
        var bad = WithFailures(NodeConfig("workers-1"), Failure(["workers-1", ""], failJoinTimes: -1, slowDrainMs: 1.5));

        var diags = p.ValidateResourceConfig(SimPoolSchemas.NodePool, bad);

        Assert.Contains(diags, d => d.Summary == "Invalid failure nodes");
        Assert.Contains(diags, d => d.Summary == "Invalid failure fail_join_times");
        Assert.Contains(diags, d => d.Summary == "Invalid failure slow_drain_ms" && d.Detail.Contains("between 0 and 86400000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectsUnknownRolesAndSizes()
    {
        var p = await ConfiguredAsync();
        var bad = NodeConfig("workers-1", size: "huge");
        var attrs = bad.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value);
        attrs["roles"] = HclValue.List(HclValue.String("master"));
        var diags = p.ValidateResourceConfig(SimPoolSchemas.NodePool, HclValue.Object(attrs));
        Assert.Contains(diags, d => d.Summary == "Unknown machine size");
        Assert.Contains(diags, d => d.Summary == "Invalid role");
    }
}
