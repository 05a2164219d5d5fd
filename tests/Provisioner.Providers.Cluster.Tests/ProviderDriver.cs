using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Cluster.Tests;

/// <summary>Drives the cluster provider the way the engine does (ProposedNew, plan, apply with a token, read), with the
/// sim's node software as the node driver. A stand-in for the engine in provider-level tests.</summary>
internal sealed class ProviderDriver
{
    private int _tokens;

    public ProviderDriver(TimeSpan? etcdChangeTime = null)
    {
        Drivers = new NodeDriverRegistry().Register(new NodeSoftwareDriverFactory(TimeProvider.System, etcdChangeTime ?? TimeSpan.FromMilliseconds(1)));
        Provider = new ClusterProviderFactory(Drivers).Create();
    }

    public NodeDriverRegistry Drivers { get; }

    public IProvider Provider { get; }

    private static CancellationToken Ct => CancellationToken.None;

    public BlockSchema Schema(string type) => Provider.GetSchema().Resources[type].Block;

    /// <summary>A configuration value: the given attributes converted to the schema's types, the rest null.</summary>
    public HclValue Config(string type, params (string Name, HclValue Value)[] attrs)
    {
        var schema = Schema(type);
        var given = attrs.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var all = new List<KeyValuePair<string, HclValue>>();
        foreach (var (name, a) in schema.Attributes)
            all.Add(new(name, given.TryGetValue(name, out var v) ? (a.Type.IsDynamic ? v : HclConvert.Convert(v, a.Type).ValueOrThrow()) : HclValue.NullOf(a.Type)));
        foreach (var (name, b) in schema.Blocks)
            all.Add(new(name, given.TryGetValue(name, out var v) ? v : HclValue.NullOf(b.Block.ImpliedType())));
        return HclValue.Object(all);
    }

    public Task<PlanResult> PlanAsync(string type, HclValue prior, HclValue config, byte[]? priorPrivate = null)
    {
        var proposed = config.IsNull ? config : ObjectChange.ProposedNew(Schema(type), prior, config);
        return Provider.PlanChangeAsync(new PlanRequest(type, prior, proposed, config, priorPrivate), Ct);
    }

    public Task<ApplyResult> ApplyAsync(string type, HclValue prior, PlanResult plan, HclValue config) =>
        Provider.ApplyChangeAsync(new ApplyRequest(type, prior, plan.PlannedState, config, plan.PlannedPrivate, "tok-" + ++_tokens), Ct);

    /// <summary>Plans and applies; fails the test on errors. Answers the new object and its private data.</summary>
    public async Task<(HclValue State, byte[]? Private)> ChangeAsync(string type, HclValue prior, HclValue config, byte[]? priorPrivate = null)
    {
        var plan = await PlanAsync(type, prior, config, priorPrivate);
        NoErrors(plan.Diagnostics);
        var applied = await ApplyAsync(type, prior, plan, config);
        NoErrors(applied.Diagnostics);
        if (!plan.PlannedState.IsNull)
            Sdk.TestKit.ValueAssert.KnownValuesMatch(plan.PlannedState, applied.NewState);
        return (applied.NewState, applied.Private);
    }

    public async Task<HclValue> ReadAsync(string type, HclValue state)
    {
        var r = await Provider.ReadAsync(new ReadRequest(type, state, null), Ct);
        NoErrors(r.Diagnostics);
        return r.NewState;
    }

    public static void NoErrors(IEnumerable<ProviderDiagnostic> diags)
    {
        var errors = diags.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Summary}: {e.Detail}")));
    }

    public static string Str(HclValue obj, string name) => obj.UnmarkDeep().Value.GetAttribute(name).AsString();

    public static long Num(HclValue obj, string name) => obj.UnmarkDeep().Value.GetAttribute(name).AsNumber().TryToLong(out var l) ? l : -1;
}
