using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
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
