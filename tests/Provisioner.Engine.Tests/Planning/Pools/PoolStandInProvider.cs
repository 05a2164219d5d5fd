using System.Collections.Concurrent;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Tests.Planning.Pools;

/// <summary>
/// A test stand-in provider ("standin"): a node pool type, a load balancer whose members register nodes (stage 0),
/// and a cluster stand-in whose members join nodes (stage 1, etcd/controlplane/worker serial groups, quorum
/// checked). Every apply call is recorded in order as "create|update|delete type:name" so tests can check ordering.
/// </summary>
internal sealed class PoolStandInProvider : IProvider, IProviderFactory
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentDictionary<string, HclValue> Objects { get; } = new();

    /// <summary>Node names whose machines refresh reports NotReady.</summary>
    public ConcurrentDictionary<string, bool> NotReady { get; } = new();

    private long _next;
    private int _inFlightEtcd;
    private int _inFlightWorkers;

    /// <summary>Most cluster-node calls on etcd nodes in flight at once.</summary>
    public int MaxInFlightEtcd;

    /// <summary>Most cluster-node calls on worker nodes in flight at once.</summary>
    public int MaxInFlightWorkers;

    public string Name => "standin";

    public IProvider Create() => this;

    public ProviderLimits Limits => ProviderLimits.Default;

    private static AttributeSchema Opt(HclType t) => AttributeSchema.OptionalOf(t);

    private static AttributeSchema Comp(HclType t) => AttributeSchema.ComputedOf(t);

    public static ResourceSchema Pool { get; } = new("standin_pool", new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["name"] = AttributeSchema.RequiredOf(HclType.String),
        ["quantity"] = AttributeSchema.RequiredOf(HclType.Number),
        ["roles"] = Opt(HclType.List(HclType.String)),
        ["size"] = Opt(HclType.String),
        ["labels"] = Opt(HclType.Map(HclType.String)),
        ["id"] = Comp(HclType.String),
        ["address"] = Comp(HclType.String),
        ["node_name"] = Comp(HclType.String),
        ["template_revision"] = Comp(HclType.Number),
        ["template_hash"] = Comp(HclType.String),
        ["ready"] = Comp(HclType.Bool),
    }, new Dictionary<string, NestedBlockSchema>
    {
        ["rollout"] = new(new BlockSchema(new Dictionary<string, AttributeSchema>
        {
            ["max_surge"] = Opt(HclType.Number),
            ["max_unavailable"] = Opt(HclType.Number),
            ["delete_policy"] = Opt(HclType.String),
        }), BlockNesting.Single),
    }))
    {
        NodePool = new NodePoolSchema { TemplateAttributes = ["size"] },
    };

    public static ResourceSchema Lb { get; } = new("standin_lb", new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["name"] = AttributeSchema.RequiredOf(HclType.String),
        ["targets"] = Opt(HclType.Dynamic),
        ["id"] = Comp(HclType.String),
    }))
    {
        Members = new MemberSchema("standin_lb_target", "targets", 0),
    };

    public static ResourceSchema Cluster { get; } = new("standin_cluster", new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["name"] = AttributeSchema.RequiredOf(HclType.String),
        ["nodes"] = Opt(HclType.Dynamic),
        ["max_unavailable_worker"] = Opt(HclType.Dynamic),
        ["version"] = Opt(HclType.String),
        ["id"] = Comp(HclType.String),
        ["etcd_members"] = Comp(HclType.List(HclType.String)),
    }))
    {
        Members = new MemberSchema("standin_cluster_node", "nodes", 1)
        {
            SerialGroups = [new("etcd"), new("controlplane"), new("worker") { BatchSizeAttribute = AttributePath.Attr("max_unavailable_worker") }],
            EtcdQuorum = true,
            ParentNodeAttributes = ["roles"],
            NodeDerivedAttributes = ["etcd_members"],
            ResumeFailedCreate = true,
        },
    };

    private static ResourceSchema Member(string type) => new(type, new BlockSchema(new Dictionary<string, AttributeSchema>
    {
        ["parent"] = Opt(HclType.Dynamic),
        ["node"] = Opt(HclType.Dynamic),
        ["id"] = Comp(HclType.String),
        ["phase"] = Comp(HclType.String),
    }));

    /// <summary>"type:node name" of members whose next create fails part way, returning a partial state (phase "join").</summary>
    public ConcurrentDictionary<string, bool> FailJoin { get; } = new();

    /// <summary>The node lists the cluster stand-in was planned with (names and roles), in order.</summary>
    public ConcurrentQueue<HclValue> ClusterNodesSeen { get; } = new();

    public ProviderSchema GetSchema() => new(BlockSchema.Empty,
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal)
        {
            [Pool.TypeName] = Pool,
            [Lb.TypeName] = Lb,
            [Cluster.TypeName] = Cluster,
            ["standin_lb_target"] = Member("standin_lb_target"),
            ["standin_cluster_node"] = Member("standin_cluster_node"),
        },
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal));

    public IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(HclValue config) => [];

    public IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, HclValue config) => [];

    public IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, HclValue config) => [];

    public Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProviderDiagnostic>>([]);

    public Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct)
    {
        var p = request.ProposedNewState;
        if (p.IsNull)
            return Task.FromResult(new PlanResult(p, [], null, []));
        var schema = GetSchema().Resources[request.TypeName];
        var attrs = p.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (name, a) in schema.Block.Attributes)
        {
            if (!a.Computed || !attrs[name].IsNull)
                continue;
            attrs[name] = request.PriorState.IsNull ? HclValue.UnknownOf(a.Type) : request.PriorState.GetAttribute(name);
        }
        if (request.TypeName is "standin_cluster_node" or "standin_lb_target")
            attrs["phase"] = HclValue.String("ready"); // a member not ready (a failed join) plans an update that resumes it
        if (request.TypeName == "standin_cluster")
        {
            var nodes = attrs["nodes"];
            ClusterNodesSeen.Enqueue(nodes);
            attrs["etcd_members"] = nodes.IsNull || !nodes.IsWhollyKnown
                ? HclValue.ListOf(HclType.String)
                : HclValue.ListOf(HclType.String, nodes.Elements.Where(n => n.GetAttribute("roles").Elements.Any(r => r.AsString() == "etcd")).Select(n => n.GetAttribute("name")));
        }
        return Task.FromResult(new PlanResult(HclValue.Object(attrs), [], null, []));
    }

    private static string NameOf(string type, HclValue v) => type switch
    {
        "standin_pool" => v.GetAttribute("node_name").AsString(),
        "standin_lb_target" or "standin_cluster_node" => v.GetAttribute("node").GetAttribute("name").AsString(),
        _ => v.GetAttribute("name").AsString(),
    };

    public async Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct)
    {
        await Task.Yield();
        var deleting = request.PlannedState.IsNull;
        var name = NameOf(request.TypeName, deleting ? request.PriorState : request.PlannedState);
        Calls.Enqueue($"{(deleting ? "delete" : request.PriorState.IsNull ? "create" : "update")} {request.TypeName}:{name}");
        if (request.TypeName == "standin_cluster_node")
        {
            var roles = (deleting ? request.PriorState : request.PlannedState).GetAttribute("node").GetAttribute("roles").Elements.Select(r => r.AsString()).ToList();
            var etcd = roles.Contains("etcd");
            var now = etcd ? Interlocked.Increment(ref _inFlightEtcd) : Interlocked.Increment(ref _inFlightWorkers);
            if (etcd)
                InterlockedMax(ref MaxInFlightEtcd, now);
            else
                InterlockedMax(ref MaxInFlightWorkers, now);
            await Task.Delay(15, ct);
            if (etcd)
                Interlocked.Decrement(ref _inFlightEtcd);
            else
                Interlocked.Decrement(ref _inFlightWorkers);
        }
        if (deleting)
        {
            Objects.TryRemove(request.PriorState.GetAttribute("id").AsString(), out _);
            return new ApplyResult(request.PlannedState, null, []);
        }
        if (request.TypeName is "standin_lb_target" or "standin_cluster_node" && !request.PlannedState.GetAttribute("node").GetAttribute("id").IsWhollyKnown)
            throw new InvalidOperationException($"member {name} applied before its machine exists");
        var id = request.PriorState.IsNull ? "s-" + Interlocked.Increment(ref _next) : request.PriorState.GetAttribute("id").AsString();
        var attrs = request.PlannedState.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value);
        attrs["id"] = HclValue.String(id);
        if (request.TypeName == "standin_pool")
        {
            attrs["address"] = HclValue.String("10.1.0." + id[2..]);
            attrs["ready"] = HclValue.True;
        }
        if (request.TypeName is "standin_cluster_node" or "standin_lb_target" && FailJoin.TryRemove($"{request.TypeName}:{name}", out _))
        {
            attrs["phase"] = HclValue.String("join");
            var partial = HclValue.Object(attrs);
            Objects[id] = partial;
            return new ApplyResult(partial, null, [ProviderDiagnostic.Error($"{name} stopped at \"join\"", "stand-in failure")]);
        }
        var obj = HclValue.Object(attrs);
        Objects[id] = obj;
        return new ApplyResult(obj, null, []);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct)
    {
        var id = request.CurrentState.GetAttribute("id").AsString();
        if (!Objects.TryGetValue(id, out var v))
            return Task.FromResult(new ReadResult(HclValue.NullOf(request.CurrentState.Type), null, []));
        if (request.TypeName == "standin_pool" && NotReady.ContainsKey(v.GetAttribute("node_name").AsString()))
            v = HclValue.Object(v.Attributes.Select(kv => kv.Key == "ready" ? new KeyValuePair<string, HclValue>("ready", HclValue.False) : kv));
        return Task.FromResult(new ReadResult(v, request.Private, []));
    }

    public async Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct)
    {
        var results = new List<ReadResult>();
        foreach (var r in requests)
            results.Add(await ReadAsync(r, ct));
        return results;
    }

    public Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct) =>
        Task.FromResult(new ImportResult(null, null, [ProviderDiagnostic.Error("not supported")]));

    public Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct) =>
        Task.FromResult(new ReadDataResult(HclValue.Null, [ProviderDiagnostic.Error("not supported")]));

    public Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct) =>
        Task.FromResult(new RecoverResult(RecoverOutcome.NotApplied, null, null, []));
}
