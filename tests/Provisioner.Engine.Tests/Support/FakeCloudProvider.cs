using System.Collections.Concurrent;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Tests.Support;

/// <summary>
/// A test stand-in provider ("fake"): an in-memory cloud of <c>fake_thing</c> objects that records every call, so
/// engine tests can check ordering, idempotency tokens and failure handling without a real provider.
/// </summary>
internal sealed class FakeCloudProvider(FakeCloud cloud) : IProvider
{
    public string Name => "fake";

    public ProviderLimits Limits { get; init; } = ProviderLimits.Default;

    public static ResourceSchema ThingSchema { get; } = new("fake_thing", new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["name"] = AttributeSchema.RequiredOf(HclType.String),
        ["size"] = AttributeSchema.OptionalOf(HclType.String) with { Default = HclValue.String("small") },
        ["zone"] = AttributeSchema.OptionalOf(HclType.String) with { ForceNew = true },
        ["ref"] = AttributeSchema.OptionalOf(HclType.String),
        ["secret"] = AttributeSchema.OptionalOf(HclType.String) with { Sensitive = true },
        ["id"] = AttributeSchema.ComputedOf(HclType.String),
    }));

    public static ResourceSchema LookupSchema { get; } = new("fake_lookup", new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["name"] = AttributeSchema.RequiredOf(HclType.String),
        ["id"] = AttributeSchema.ComputedOf(HclType.String),
    }));

    public ProviderSchema GetSchema() => new(
        new BlockSchema(new Dictionary<string, AttributeSchema> { ["label"] = AttributeSchema.OptionalOf(HclType.String) }),
        new Dictionary<string, ResourceSchema> { ["fake_thing"] = ThingSchema },
        new Dictionary<string, ResourceSchema> { ["fake_lookup"] = LookupSchema });

    public IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(HclValue config) => [];

    public IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, HclValue config)
    {
        var name = config.GetAttribute("name");
        if (name.IsKnown && !name.IsNull && name.AsString().Length == 0)
            return [ProviderDiagnostic.Error("Invalid name", "name must not be empty", AttributePath.Attr("name"))];
        return [];
    }

    public IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, HclValue config) => [];

    public Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProviderDiagnostic>>([]);

    public Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct)
    {
        var p = request.ProposedNewState;
        if (p.IsNull)
            return Task.FromResult(new PlanResult(p, [], null, []));
        return Task.FromResult(new PlanResult(p, [], null, []));
    }

    public async Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct)
    {
        await Task.Yield();
        var name = request.PlannedState.IsNull ? request.PriorState.GetAttribute("name").AsString() : request.PlannedState.GetAttribute("name").AsString();
        cloud.Calls.Enqueue((request.PlannedState.IsNull ? "delete" : request.PriorState.IsNull ? "create" : "update", name, request.IdempotencyToken));
        if (cloud.FailNames.Contains(name))
            return new ApplyResult(HclValue.NullOf(request.PlannedState.Type), null, [ProviderDiagnostic.Error("Simulated failure", $"creating {name} failed")]);
        if (request.PlannedState.IsNull)
        {
            cloud.Objects.TryRemove(request.PriorState.GetAttribute("id").AsString(), out _);
            return new ApplyResult(request.PlannedState, null, []);
        }
        var id = request.PriorState.IsNull
            ? cloud.ByToken.GetOrAdd(request.IdempotencyToken, _ => "t-" + Interlocked.Increment(ref cloud.NextId))
            : request.PriorState.GetAttribute("id").AsString();
        var attrs = request.PlannedState.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value);
        attrs["id"] = HclValue.String(id);
        var obj = HclValue.Object(attrs);
        cloud.Objects[id] = obj;
        return new ApplyResult(obj, null, []);
    }

    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct)
    {
        var id = request.CurrentState.GetAttribute("id").AsString();
        return Task.FromResult(cloud.Objects.TryGetValue(id, out var v)
            ? new ReadResult(v, request.Private, [])
            : new ReadResult(HclValue.NullOf(request.CurrentState.Type), null, []));
    }

    public async Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct)
    {
        Interlocked.Increment(ref cloud.ReadBatches);
        var results = new List<ReadResult>();
        foreach (var r in requests)
            results.Add(await ReadAsync(r, ct));
        return results;
    }

    public Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct) =>
        Task.FromResult(cloud.Objects.TryGetValue(request.Id, out var v)
            ? new ImportResult(v, null, [])
            : new ImportResult(null, null, [ProviderDiagnostic.Error("Cannot import non-existent remote object")]));

    public Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref cloud.DataReads);
        var name = request.Config.GetAttribute("name").AsString();
        return Task.FromResult(new ReadDataResult(HclValue.Object(("name", HclValue.String(name)), ("id", HclValue.String("lookup-" + name))), []));
    }

    public Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct) =>
        Task.FromResult(new RecoverResult(RecoverOutcome.NotApplied, null, null, []));
}
