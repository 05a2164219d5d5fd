using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Sim.Tests;

public sealed class SimProviderTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SkippingTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => CancellationToken.None;

    private string InventoryDir => Path.Combine(_dir.Path, ".sim");

    private static HclValue ProviderConfig(params (string Name, HclValue Value)[] set)
    {
        var attrs = SimSchemas.ProviderConfig.Attributes.ToDictionary(a => a.Key, a => HclValue.NullOf(a.Value.Type), StringComparer.Ordinal);
        foreach (var (n, v) in set)
            attrs[n] = v;
        return HclValue.Object(attrs);
    }

    private async Task<SimProvider> ConfiguredAsync(params (string Name, HclValue Value)[] set)
    {
        var provider = (SimProvider)new SimProviderFactory(_time).Create();
        var config = ProviderConfig(set);
        Assert.Empty(provider.ValidateProviderConfig(config));
        Assert.Empty(await provider.ConfigureAsync(new ConfigureRequest(config, _dir.Path), Ct));
        return provider;
    }

    private static HclValue Machine(string name, string? size = null, string? zone = null, string? network = null) =>
        HclValue.Object(
            ("id", HclValue.NullOf(HclType.String)),
            ("name", HclValue.String(name)),
            ("image", HclValue.NullOf(HclType.String)),
            ("size", size is null ? HclValue.NullOf(HclType.String) : HclValue.String(size)),
            ("network_id", network is null ? HclValue.NullOf(HclType.String) : HclValue.String(network)),
            ("labels", HclValue.NullOf(HclType.Map(HclType.String))),
            ("zone", zone is null ? HclValue.NullOf(HclType.String) : HclValue.String(zone)),
            ("address", HclValue.NullOf(HclType.String)),
            ("created_at", HclValue.NullOf(HclType.String)));

    private static HclValue Network(string name, string? cidr = null) =>
        HclValue.Object(
            ("id", HclValue.NullOf(HclType.String)),
            ("name", HclValue.String(name)),
            ("cidr", cidr is null ? HclValue.NullOf(HclType.String) : HclValue.String(cidr)));

    private static async Task<PlanResult> PlanAsync(SimProvider p, string type, HclValue prior, HclValue config)
    {
        var proposed = ObjectChange.ProposedNew(p.GetSchema().Resources[type].Block, prior, config);
        return await p.PlanChangeAsync(new PlanRequest(type, prior, proposed, config, null), Ct);
    }

    private static async Task<ApplyResult> ApplyAsync(SimProvider p, string type, HclValue config, string token, HclValue? prior = null)
    {
        var before = prior ?? HclValue.NullOf(p.GetSchema().Resources[type].Block.ImpliedType());
        var plan = await PlanAsync(p, type, before, config);
        Assert.Empty(plan.Diagnostics);
        return await p.ApplyChangeAsync(new ApplyRequest(type, before, plan.PlannedState, config, null, token), Ct);
    }

    private InventorySnapshot Inventory()
    {
        Assert.True(SimCloud.TryOpenExisting(InventoryDir, out var cloud));
        using (cloud)
            return cloud!.Snapshot();
    }

    [Fact]
    public async Task Configure_DefaultInventoryDir_IsDotSimInTheWorkingDirectory()
    {
        var p = await ConfiguredAsync();
        Assert.Equal(InventoryDir, p.Cloud!.Directory);
        Assert.True(File.Exists(Path.Combine(InventoryDir, "inventory.jsonl")));
    }

    [Fact]
    public async Task Configure_RelativeInventoryDir_ResolvesAgainstWorkingDirectory_AndSetsLimits()
    {
        var p = await ConfiguredAsync(("inventory_dir", HclValue.String("cloud/x")), ("max_concurrency", HclValue.Number(4)));
        Assert.Equal(Path.Combine(_dir.Path, "cloud", "x"), p.Cloud!.Directory);
        Assert.Equal(4, p.Limits.MaxConcurrentOperations);
    }

    [Theory]
    [InlineData("latency_ms", -1)]
    [InlineData("jitter_ms", 1.5)]
    [InlineData("transient_error_rate", 1.5)]
    [InlineData("transient_error_rate", -0.1)]
    [InlineData("capacity", -3)]
    [InlineData("consistency_delay_ms", -10)]
    [InlineData("max_retries", 1000)]
    public void ValidateProviderConfig_BadKnob_PointsAtIt(string name, double value)
    {
        var p = new SimProviderFactory(_time).Create();
        var diags = p.ValidateProviderConfig(ProviderConfig((name, HclValue.Number(value))));
        var d = Assert.Single(diags);
        Assert.True(d.IsError);
        Assert.Equal(AttributePath.Attr(name), d.Path);
    }

    [Fact]
    public void ValidateProviderConfig_UnknownValues_AreAcceptedUntilConfigure()
    {
        var p = new SimProviderFactory(_time).Create();
        Assert.Empty(p.ValidateProviderConfig(ProviderConfig(("latency_ms", HclValue.UnknownOf(HclType.Number)))));
    }

    [Fact]
    public void ValidateResourceConfig_BadValues_PointAtAttributes()
    {
        var p = new SimProviderFactory(_time).Create();

        var size = Assert.Single(p.ValidateResourceConfig(SimSchemas.Machine, Machine("m", size: "huge")));
        var cidr = Assert.Single(p.ValidateResourceConfig(SimSchemas.Network, Network("n", "10.0.0.1/16")));
        var name = Assert.Single(p.ValidateResourceConfig(SimSchemas.Network, Network(" ")));
        var type = Assert.Single(p.ValidateResourceConfig("sim_thing", Network("n")));

        Assert.Equal(AttributePath.Attr("size"), size.Path);
        Assert.Contains("nano, small, medium, large, xlarge", size.Detail);
        Assert.Equal(AttributePath.Attr("cidr"), cidr.Path);
        Assert.Equal(AttributePath.Attr("name"), name.Path);
        Assert.Contains("sim_thing", type.Detail);
        Assert.Empty(p.ValidateResourceConfig(SimSchemas.Machine, Machine("m", size: "large")));
    }

    [Fact]
    public async Task Plan_Create_ComputedUnknown_DefaultsApplied()
    {
        var p = await ConfiguredAsync();
        var plan = await PlanAsync(p, SimSchemas.Machine, HclValue.NullOf(SimSchemas.MachineResource.Block.ImpliedType()), Machine("web"));

        Assert.Empty(plan.RequiresReplace);
        Assert.False(plan.PlannedState.GetAttribute("id").IsKnown);
        Assert.False(plan.PlannedState.GetAttribute("address").IsKnown);
        Assert.False(plan.PlannedState.GetAttribute("created_at").IsKnown);
        Assert.Equal("small", plan.PlannedState.GetAttribute("size").AsString());
        Assert.Equal("zone-a", plan.PlannedState.GetAttribute("zone").AsString());
    }

    [Fact]
    public async Task Plan_SizeChange_UpdatesInPlace_ZoneOrNetworkChange_Replaces()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Machine, Machine("web"), "t1")).NewState;

        var resize = await PlanAsync(p, SimSchemas.Machine, state, Machine("web", size: "large"));
        var move = await PlanAsync(p, SimSchemas.Machine, state, Machine("web", zone: "zone-b"));
        var rewire = await PlanAsync(p, SimSchemas.Machine, state, Machine("web", network: "net-00000001"));

        Assert.Empty(resize.RequiresReplace);
        Assert.Equal(state.GetAttribute("id"), resize.PlannedState.GetAttribute("id"));
        Assert.Equal(state.GetAttribute("address"), resize.PlannedState.GetAttribute("address"));
        Assert.Equal([AttributePath.Attr("zone")], move.RequiresReplace);
        Assert.False(move.PlannedState.GetAttribute("id").IsKnown);
        Assert.Equal([AttributePath.Attr("network_id")], rewire.RequiresReplace);
    }

    [Fact]
    public async Task Plan_NetworkCidrChange_Replaces_NameChange_UpdatesInPlace()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Network, Network("lab"), "t1")).NewState;
        Assert.Equal("10.0.0.0/16", state.GetAttribute("cidr").AsString());

        var renamed = await PlanAsync(p, SimSchemas.Network, state, Network("lab2"));
        var recidr = await PlanAsync(p, SimSchemas.Network, state, Network("lab", "10.8.0.0/16"));

        Assert.Empty(renamed.RequiresReplace);
        Assert.Equal([AttributePath.Attr("cidr")], recidr.RequiresReplace);
    }

    [Fact]
    public async Task Apply_SizeUpdate_KeepsMachine_AndUpdatesInventory()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Machine, Machine("web"), "t1")).NewState;

        var updated = await ApplyAsync(p, SimSchemas.Machine, Machine("web", size: "xlarge"), "t2", state);

        Assert.Empty(updated.Diagnostics);
        Assert.Equal(state.GetAttribute("id"), updated.NewState.GetAttribute("id"));
        var m = Assert.Single(Inventory().Machines);
        Assert.Equal("xlarge", m.Size);
    }

    [Fact]
    public async Task Apply_ZoneChangeAsUpdate_IsRefused()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Machine, Machine("web"), "t1")).NewState;
        var plan = await PlanAsync(p, SimSchemas.Machine, state, Machine("web", zone: "zone-c"));

        var r = await p.ApplyChangeAsync(new ApplyRequest(SimSchemas.Machine, state, plan.PlannedState, Machine("web", zone: "zone-c"), null, "t2"), Ct);

        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(AttributePath.Attr("zone"), d.Path);
        Assert.Same(state, r.NewState);
    }

    [Fact]
    public async Task Apply_OnNetwork_AllocatesFromItsCidr_MissingNetworkPointsAtNetworkId()
    {
        var p = await ConfiguredAsync();
        var net = (await ApplyAsync(p, SimSchemas.Network, Network("lab", "172.20.0.0/24"), "n1")).NewState;

        var m = await ApplyAsync(p, SimSchemas.Machine, Machine("web", network: net.GetAttribute("id").AsString()), "m1");
        var orphan = await ApplyAsync(p, SimSchemas.Machine, Machine("web", network: "net-0000ffff"), "m2");

        Assert.Equal("172.20.0.2", m.NewState.GetAttribute("address").AsString());
        var d = Assert.Single(orphan.Diagnostics);
        Assert.Equal(AttributePath.Attr("network_id"), d.Path);
    }

    [Fact]
    public async Task Apply_TransientErrors_AreRetried_AndCreateEachMachineOnce()
    {
        var p = await ConfiguredAsync(("transient_error_rate", HclValue.Number(0.4)), ("seed", HclValue.Number(11)), ("max_retries", HclValue.Number(20)));

        for (var i = 0; i < 30; i++)
        {
            var r = await ApplyAsync(p, SimSchemas.Machine, Machine($"m{i}"), $"tok-{i}");
            Assert.Empty(r.Diagnostics);
        }

        Assert.Equal(30, Inventory().Machines.Count);
        Assert.True(_time.GetUtcNow() > SkippingTimeProvider.Start, "retries back off on the clock");
    }

    [Fact]
    public async Task Apply_ErrorRateOne_FailsAfterRetriesWithClearError()
    {
        var p = await ConfiguredAsync(("transient_error_rate", HclValue.Number(1)), ("max_retries", HclValue.Number(3)));

        var r = await ApplyAsync(p, SimSchemas.Machine, Machine("m"), "tok");

        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("sim: create sim_machine failed after 4 attempts", d.Summary);
        Assert.Contains("transient_error_rate", d.Detail);
        Assert.True(r.NewState.IsNull);
    }

    [Fact]
    public async Task Apply_BeyondCapacity_IsCapacityError()
    {
        var p = await ConfiguredAsync(("capacity", HclValue.Number(1)));
        Assert.Empty((await ApplyAsync(p, SimSchemas.Machine, Machine("a"), "a")).Diagnostics);

        var r = await ApplyAsync(p, SimSchemas.Machine, Machine("b"), "b");

        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Insufficient capacity", d.Summary);
        Assert.Contains("1 of 1", d.Detail);
        Assert.Single(Inventory().Machines);
    }

    [Fact]
    public async Task Apply_Destroy_OfMachineAlreadyGone_Succeeds()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Machine, Machine("a"), "a")).NewState;
        using (var outside = new SimCloud(InventoryDir, SimCloudOptions.Default, _time))
            Assert.False((await outside.DeleteMachineAsync(state.GetAttribute("id").AsString(), "outside", Ct)).IsError);

        var type = SimSchemas.MachineResource.Block.ImpliedType();
        var r = await p.ApplyChangeAsync(new ApplyRequest(SimSchemas.Machine, state, HclValue.NullOf(type), HclValue.NullOf(type), null, "d"), Ct);

        Assert.Empty(r.Diagnostics);
        Assert.True(r.NewState.IsNull);
    }

    [Fact]
    public async Task ReadMany_IsOneDescribeCall_PayingLatencyOnce()
    {
        var p = await ConfiguredAsync(("latency_ms", HclValue.Number(100)));
        var states = new List<HclValue>();
        for (var i = 0; i < 50; i++)
            states.Add((await ApplyAsync(p, SimSchemas.Machine, Machine($"m{i}"), $"t{i}")).NewState);

        var before = _time.GetUtcNow();
        var results = await p.ReadManyAsync([.. states.Select(s => new ReadRequest(SimSchemas.Machine, s, null))], Ct);

        Assert.Equal(TimeSpan.FromMilliseconds(100), _time.GetUtcNow() - before);
        Assert.Equal(states, results.Select(r => r.NewState));
    }

    [Fact]
    public async Task ReadMany_JustCreatedMachine_IsWaitedFor_NotReportedGone()
    {
        var p = await ConfiguredAsync(("consistency_delay_ms", HclValue.Number(5000)));
        var old = (await ApplyAsync(p, SimSchemas.Machine, Machine("old"), "t0")).NewState;
        _time.Advance(TimeSpan.FromSeconds(10));
        using (var outside = new SimCloud(InventoryDir, SimCloudOptions.Default, _time))
            await outside.DeleteMachineAsync(old.GetAttribute("id").AsString(), "outside", Ct);
        var fresh = (await ApplyAsync(p, SimSchemas.Machine, Machine("fresh"), "t1")).NewState;
        var created = _time.GetUtcNow();

        // The cloud itself does not show the new machine yet...
        var direct = await p.Cloud!.DescribeAsync([fresh.GetAttribute("id").AsString()], Ct);
        Assert.Empty(direct.Value!.Machines);

        // ...but the provider waits it out, and still reports the deleted one as gone.
        var results = await p.ReadManyAsync(
            [new ReadRequest(SimSchemas.Machine, fresh, null), new ReadRequest(SimSchemas.Machine, old, null)], Ct);

        Assert.Equal(fresh, results[0].NewState);
        Assert.True(results[1].NewState.IsNull);
        Assert.InRange((_time.GetUtcNow() - created).TotalMilliseconds, 5000, 5100);
    }

    [Fact]
    public async Task Read_EmptyLabels_KeepTheConfiguredForm()
    {
        // The cloud does not tell "no labels" from "empty labels"; a refresh must not turn one into the other.
        var p = await ConfiguredAsync();
        var bare = (await ApplyAsync(p, SimSchemas.Machine, Machine("bare"), "t1")).NewState;
        var emptyConfig = HclValue.Object(Machine("e").Attributes.Select(kv =>
            kv.Key == "labels" ? new KeyValuePair<string, HclValue>("labels", HclValue.MapOf(HclType.String)) : kv));
        var withEmpty = (await ApplyAsync(p, SimSchemas.Machine, emptyConfig, "t2")).NewState;

        var results = await p.ReadManyAsync([new ReadRequest(SimSchemas.Machine, bare, null), new ReadRequest(SimSchemas.Machine, withEmpty, null)], Ct);

        Assert.True(results[0].NewState.GetAttribute("labels").IsNull);
        Assert.Equal(HclValue.MapOf(HclType.String), results[1].NewState.GetAttribute("labels"));
    }

    [Fact]
    public async Task Import_ById_GivesTheMachine_WrongTypeOrIdIsAnError()
    {
        var p = await ConfiguredAsync();
        var state = (await ApplyAsync(p, SimSchemas.Machine, Machine("web", size: "medium"), "t1")).NewState;
        var id = state.GetAttribute("id").AsString();

        var imported = await p.ImportAsync(new ImportRequest(SimSchemas.Machine, id), Ct);
        var asNetwork = await p.ImportAsync(new ImportRequest(SimSchemas.Network, id), Ct);
        var missing = await p.ImportAsync(new ImportRequest(SimSchemas.Machine, "m-0000ffff"), Ct);

        Assert.Equal(state, imported.State);
        Assert.Contains("sim_network", Assert.Single(asNetwork.Diagnostics).Detail);
        Assert.Contains("m-0000ffff", Assert.Single(missing.Diagnostics).Detail);
    }

    [Fact]
    public async Task Recover_ByToken_AfterRestart()
    {
        var p = await ConfiguredAsync();
        var created = (await ApplyAsync(p, SimSchemas.Machine, Machine("web"), "create-tok")).NewState;
        var type = SimSchemas.MachineResource.Block.ImpliedType();
        var deleted = await p.ApplyChangeAsync(new ApplyRequest(SimSchemas.Machine, created, HclValue.NullOf(type), HclValue.NullOf(type), null, "delete-tok"), Ct);
        Assert.Empty(deleted.Diagnostics);

        // A new provider instance: the engine restarted after a crash.
        var restarted = await ConfiguredAsync();
        var create = await restarted.RecoverAsync(new RecoverRequest(SimSchemas.Machine, ChangeKind.Create, "create-tok", HclValue.NullOf(type), Machine("web")), Ct);
        var delete = await restarted.RecoverAsync(new RecoverRequest(SimSchemas.Machine, ChangeKind.Delete, "delete-tok", created, HclValue.NullOf(type)), Ct);
        var never = await restarted.RecoverAsync(new RecoverRequest(SimSchemas.Machine, ChangeKind.Create, "never", HclValue.NullOf(type), Machine("web")), Ct);
        var wrongKind = await restarted.RecoverAsync(new RecoverRequest(SimSchemas.Network, ChangeKind.Create, "create-tok", HclValue.Null, HclValue.Null), Ct);

        // The create completed; the machine it made has since been deleted.
        Assert.Equal(RecoverOutcome.Completed, create.Outcome);
        Assert.True(create.State!.IsNull);
        Assert.Equal(RecoverOutcome.Completed, delete.Outcome);
        Assert.True(delete.State!.IsNull);
        Assert.Equal(RecoverOutcome.NotApplied, never.Outcome);
        Assert.Contains(wrongKind.Diagnostics, d => d.IsError);
    }

    [Fact]
    public async Task Recover_CompletedCreate_ReturnsTheLiveMachine()
    {
        var p = await ConfiguredAsync();
        var created = (await ApplyAsync(p, SimSchemas.Machine, Machine("web"), "tok")).NewState;
        var type = SimSchemas.MachineResource.Block.ImpliedType();

        var r = await p.RecoverAsync(new RecoverRequest(SimSchemas.Machine, ChangeKind.Create, "tok", HclValue.NullOf(type), Machine("web")), Ct);

        Assert.Equal(RecoverOutcome.Completed, r.Outcome);
        Assert.Equal(created, r.State);
    }

    [Fact]
    public async Task DataImage_IdIsStableHashOfName()
    {
        var p = await ConfiguredAsync();
        var config = HclValue.Object(("name", HclValue.String("ubuntu-24.04")), ("id", HclValue.NullOf(HclType.String)));

        var a = await p.ReadDataSourceAsync(new ReadDataRequest(SimSchemas.Image, config), Ct);
        var b = await p.ReadDataSourceAsync(new ReadDataRequest(SimSchemas.Image, config), Ct);
        var other = await p.ReadDataSourceAsync(new ReadDataRequest(SimSchemas.Image, HclValue.Object(("name", HclValue.String("debian-12")), ("id", HclValue.NullOf(HclType.String)))), Ct);

        var id = a.State.GetAttribute("id").AsString();
        Assert.Matches("^img-[0-9a-f]{12}$", id);
        Assert.Equal(id, b.State.GetAttribute("id").AsString());
        Assert.NotEqual(id, other.State.GetAttribute("id").AsString());
    }

    [Fact]
    public async Task UnconfiguredProvider_ReportsInsteadOfThrowing()
    {
        var p = new SimProviderFactory(_time).Create();
        var r = await p.ReadAsync(new ReadRequest(SimSchemas.Machine, Machine("x"), null), Ct);
        Assert.Equal("Provider not configured", Assert.Single(r.Diagnostics).Summary);
    }
}
