using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Planning.Pools;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;
using Provisioner.State;
using ResourceMode = Provisioner.Engine.Addresses.ResourceMode;

namespace Provisioner.Engine.Planning;

/// <summary>Node pools and member instances (decision 0006).</summary>
internal sealed partial class PlanWalk
{
    private readonly List<(ResourceAddress Pool, PoolExpansion Expansion)> _poolExpansions = [];

    /// <summary>Whether each prior pool node was healthy (ready, and not gone) when planned, by node key: the quorum check counts NotReady etcd members as unhealthy.</summary>
    private readonly Dictionary<string, bool> _nodeHealth = new(StringComparer.Ordinal);

    /// <summary>Node keys whose machine this plan replaces under the same key (-replace, taint, a force-new argument): their members are replaced too.</summary>
    private readonly HashSet<string> _replacedNodes = new(StringComparer.Ordinal);

    /// <summary>An instance's configuration: decoded from its block, or built for a member; pool nodes get their engine-set attributes.</summary>
    internal static HclValue DecodeConfig(InstanceSite site, EvalContext ctx, DiagnosticList diags)
    {
        if (site.Member is { } m)
        {
            var built = m.Build(site.Scope);
            var attrs = new List<KeyValuePair<string, HclValue>>();
            foreach (var (name, a) in site.Schema.Block.Attributes)
            {
                attrs.Add(name switch
                {
                    "parent" => new(name, built.GetAttribute("parent")),
                    "node" => new(name, built.GetAttribute("node")),
                    _ => new(name, HclValue.NullOf(a.Type)),
                });
            }
            foreach (var (name, b) in site.Schema.Block.Blocks)
                attrs.Add(new(name, HclValue.NullOf(site.Schema.Block.ImpliedType().AttributeType(name))));
            return HclValue.Object(attrs);
        }
        var config = SchemaDecoder.Decode(site.Schema.Block, site.Resource.Config, ctx, diags);
        if (site.PoolNode is { } p)
            config = p.Inject(config);
        if (site.NodesOf is { } ms)
            config = MemberViews.ParentConfig(config, ms);
        return config;
    }

    private bool IsPoolType(string type) => Providers.Any(p => p.Schema.Resources.TryGetValue(type, out var rs) && rs.NodePool is not null);

    /// <summary>Plans a node pool: keys from <see cref="PoolExpander"/>, one instance per node.</summary>
    private async Task PlanPoolAsync(ConfigVertex v, ModuleScope s, Resource res, ProviderHandle provider, ResourceSchema schema, NodePoolSchema pool,
        ResourceAddress address, Dictionary<InstanceKey, InstanceState> priorInstances, Dictionary<string, Sdk.Protocol.ReadResult>? refreshed,
        IReadOnlyList<ResourceAddress> deps)
    {
        var type = schema.Block.ImpliedType();
        var values = s.Resource(res.Address, ExpansionKind.Pool);
        if (res.Count is not null || res.ForEach is not null)
        {
            Diagnostics.Error("count and for_each cannot be used on a node pool",
                $"{address} is a node pool ({schema.TypeName}): the engine chooses its node keys from \"{pool.QuantityAttribute}\". Set {pool.QuantityAttribute} instead of count/for_each.",
                res.DeclRange);
            return;
        }
        var priorValues = new Dictionary<string, HclValue?>(StringComparer.Ordinal);
        var priorNodes = new List<PoolNode>();
        foreach (var (key, inst) in priorInstances)
        {
            if (key.Kind != InstanceKeyKind.String)
                continue;
            var value = PriorValue(address.ToString(), inst, type, schema, refreshed, address.Instance(key), provider.StateName);
            priorValues[key.Text!] = value;
            // A machine gone outside Provisioner keeps the template it was recorded with (it is created again as it was).
            var plain = value?.UnmarkDeep().Value ?? (StateValues.Decode(inst, type) is { IsSuccess: true } d ? d.Value!.UnmarkDeep().Value : null);
            priorNodes.Add(new PoolNode(key.Text!, PoolExpander.NumberOf(key.Text!) ?? 0,
                LongAttr(plain, pool.TemplateRevisionAttribute), StrAttr(plain, pool.TemplateHashAttribute),
                value is not null && !BoolAttr(plain, pool.ReadyAttribute).Equals(false), value is null));
            _nodeHealth[key.Text!] = priorNodes[^1].Ready;
        }
        if (In.Options.Mode == PlanMode.RefreshOnly)
        {
            values.Pool = new PoolShape(HclValue.DynamicVal, pool, type);
            foreach (var (key, value) in priorValues)
            {
                if (value is null)
                    continue;
                values.Set(InstanceKey.String(key), value);
                AddChange(new ResourceInstanceChange(address.Instance(InstanceKey.String(key)), provider.StateName, ChangeAction.NoOp, value, value, [], ActionReason.None, deps));
            }
            return;
        }

        var diags = new DiagnosticList();
        var config = SchemaDecoder.Decode(schema.Block, res.Config, s.Context, diags);
        Diagnostics.AddRange(diags);
        if (diags.HasErrors)
            return;
        var plainConfig = config.UnmarkDeep().Value;
        var quantity = plainConfig.Type.HasAttribute(pool.QuantityAttribute) ? plainConfig.GetAttribute(pool.QuantityAttribute) : HclValue.Null;
        var name = plainConfig.Type.HasAttribute(pool.NameAttribute) ? plainConfig.GetAttribute(pool.NameAttribute) : HclValue.Null;
        if (!quantity.IsKnown || quantity.IsNull || !quantity.Type.IsNumber || !quantity.AsNumber().TryToLong(out var q) || q < 0)
        {
            Diagnostics.Error("Invalid node pool quantity",
                $"{address}: \"{pool.QuantityAttribute}\" must be a whole number of nodes known at plan time (the engine chooses the node keys from it).", res.DeclRange);
            return;
        }
        if (!name.IsKnown || name.IsNull || !name.Type.IsString || name.AsString().Length == 0)
        {
            Diagnostics.Error("Invalid node pool name",
                $"{address}: \"{pool.NameAttribute}\" must be a non-empty string known at plan time (node keys are \"<name>-<n>\").", res.DeclRange);
            return;
        }
        var rollout = ReadRollout(plainConfig, pool, address, res);
        if (rollout is null)
            return;
        values.Pool = new PoolShape(config, pool, type);
        var poolName = name.AsString();
        var hash = PoolShape.TemplateHash(config, pool);
        var expansion = PoolExpander.Expand(poolName, (int)Math.Min(q, int.MaxValue), hash, rollout, priorNodes);
        _poolExpansions.Add((address, expansion));
        foreach (var node in expansion.Nodes)
        {
            var key = InstanceKey.String(node.Key);
            var instAddress = address.Instance(key);
            if (node.Fate == PoolNodeFate.Delete)
            {
                if (priorValues.GetValueOrDefault(node.Key) is not { } before)
                    continue;
                CheckPreventDestroy(res, instAddress);
                AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], ActionReason.None, deps)
                {
                    ReasonText = node.Reason,
                });
                continue;
            }
            priorInstances.TryGetValue(key, out var inst);
            var reason = node.Reason;
            await PlanInstanceAsync(v, s, res, provider, schema, instAddress, null, inst, refreshed, deps, values, new InstanceExtras
            {
                PoolNode = new PoolNodeSite(node.Key, expansion.Revision, pool),
                HasPrior = true,
                Prior = priorValues.GetValueOrDefault(node.Key),
                ReasonText = a => a.IsReplace() ? "replaced under the same key: its memberships end before the old machine goes and start again on the new one" : reason.Length == 0 ? null : reason,
            }).ConfigureAwait(false);
            if (ChangesOf(address).LastOrDefault(c => c.Address.Equals(instAddress) && c.Deposed is null) is { } planned && planned.Action.IsReplace())
                _replacedNodes.Add(node.Key);
        }
    }

    private PoolRollout? ReadRollout(HclValue config, NodePoolSchema pool, ResourceAddress address, Resource res)
    {
        var block = config.Type.HasAttribute(pool.RolloutBlock) ? config.GetAttribute(pool.RolloutBlock) : HclValue.Null;
        if (block.IsNull)
            return PoolRollout.Default;
        if (!block.IsWhollyKnown)
        {
            Diagnostics.Error("Invalid rollout", $"{address}: the {pool.RolloutBlock} block must be known at plan time.", res.DeclRange);
            return null;
        }
        var surge = LongAttr(block, "max_surge") ?? 1;
        var unavailable = LongAttr(block, "max_unavailable") ?? 0;
        var policyText = StrAttr(block, "delete_policy") ?? "oldest";
        if (surge < 0 || unavailable < 0 || surge + unavailable == 0)
        {
            Diagnostics.Error("Invalid rollout",
                $"{address}: max_surge ({surge}) and max_unavailable ({unavailable}) must not be negative, and at least one must be above 0, or a template change could never roll.", res.DeclRange);
            return null;
        }
        DeletePolicy policy;
        if (policyText == "oldest")
            policy = DeletePolicy.Oldest;
        else if (policyText == "newest")
            policy = DeletePolicy.Newest;
        else
        {
            Diagnostics.Error("Invalid rollout", $"{address}: delete_policy must be \"oldest\" or \"newest\", not \"{policyText}\".", res.DeclRange);
            return null;
        }
        return new PoolRollout((int)Math.Min(surge, int.MaxValue), (int)Math.Min(unavailable, int.MaxValue), policy);
    }

    /// <summary>Plans the member instances of <paramref name="res"/> (a resource whose schema declares members): one per node of its node list.</summary>
    private async Task PlanMembersAsync(ConfigVertex v, ModuleScope s, Resource res, ProviderHandle provider, ResourceSchema schema, MemberSchema ms, ResourceAddress parent)
    {
        if (res.Count is not null || res.ForEach is not null)
        {
            Diagnostics.Error("count and for_each are not supported here",
                $"{parent} takes nodes: each node becomes a member {ms.MemberType}.{parent.Name}[\"<node name>\"], keyed by the node's name alone, so {parent} cannot use count or for_each yet. Write one {parent.Type} block per instance instead.", res.DeclRange);
            return;
        }
        if (!provider.Schema.Resources.TryGetValue(ms.MemberType, out var memberSchema))
        {
            Diagnostics.Error("Invalid member type", $"The provider \"{provider.StateName}\" declares member type \"{ms.MemberType}\" for {schema.TypeName} but has no such resource type.", res.DeclRange);
            return;
        }
        var address = new ResourceAddress(s.Path, ResourceMode.Managed, ms.MemberType, res.Name);
        var addressText = address.ToString();
        _visitedState.Add(addressText);
        var type = memberSchema.Block.ImpliedType();
        var priorInstances = new Dictionary<InstanceKey, InstanceState>();
        if (_priorByAddress.TryGetValue(addressText, out var stateRes))
        {
            foreach (var i in stateRes.Instances)
            {
                if (i.Deposed is null)
                    priorInstances[KeyOf(i)] = i;
            }
        }
        var refreshed = await RefreshedAsync(addressText).ConfigureAwait(false);
        var diags = new DiagnosticList();
        var config = SchemaDecoder.Decode(schema.Block, res.Config, s.Context, diags).UnmarkDeep().Value;
        if (diags.HasErrors)
            return;
        var nodes = config.Type.HasAttribute(ms.NodesAttribute) ? config.GetAttribute(ms.NodesAttribute) : HclValue.Null;
        var elements = new List<(string Name, HclValue Node)>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (!nodes.IsKnown)
        {
            Diagnostics.Error("Node list not known", $"{parent}: \"{ms.NodesAttribute}\" must be known at plan time: its nodes' names are the keys of the {ms.MemberType} members.", res.DeclRange);
            return;
        }
        if (!nodes.IsNull)
        {
            foreach (var n in nodes.Elements)
            {
                var nm = n.IsKnown && !n.IsNull && n.Type.IsObject && n.Type.HasAttribute("name") ? n.GetAttribute("name") : HclValue.DynamicVal;
                if (!nm.IsKnown || nm.IsNull || !nm.Type.IsString)
                {
                    Diagnostics.Error("Invalid node", $"{parent}: every element of \"{ms.NodesAttribute}\" must be a node object with a known name (for example from a node pool's nodes).", res.DeclRange);
                    return;
                }
                if (named.Add(nm.AsString()))
                    elements.Add((nm.AsString(), n));
            }
        }
        var synthetic = new Resource(Config.ResourceMode.Managed, ms.MemberType, res.Name, null, null, res.Provider, [], ResourceLifecycle.Empty, res.Config,
            res.DeclRange, res.TypeRange, res.NameRange);
        var values = s.Resource(synthetic.Address, ExpansionKind.ForEach);
        IReadOnlyList<ResourceAddress> deps = [parent];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (nodeName, node) in elements)
        {
            seen.Add(nodeName);
            var key = InstanceKey.String(nodeName);
            priorInstances.TryGetValue(key, out var inst);
            var poolValues = s.Resources.Values.FirstOrDefault(r => r.Kind == ExpansionKind.Pool && r.Instances.ContainsKey(key));
            var machineReplaced = _replacedNodes.Contains(nodeName);
            await PlanInstanceAsync(v, s, synthetic, provider, memberSchema, address.Instance(key), null, inst, refreshed, deps, values, new InstanceExtras
            {
                Member = new MemberSite(res, ms, nodeName, poolValues, node),
                ReplaceBecauseMachine = machineReplaced,
                ReasonText = a => a switch
                {
                    ChangeAction.Create => $"added to {parent} after its machine {nodeName} is created",
                    ChangeAction.Update => $"follows {parent} and node {nodeName}",
                    _ when a.IsReplace() && machineReplaced => $"its machine {nodeName} is replaced: leaves {parent} before the old machine is destroyed, joins again on the new one",
                    _ => null,
                },
            }).ConfigureAwait(false);
        }
        foreach (var (key, inst) in priorInstances)
        {
            if (key.Kind == InstanceKeyKind.String && seen.Contains(key.Text!))
                continue;
            var instAddress = address.Instance(key);
            var before = PriorValue(addressText, inst, type, memberSchema, refreshed, instAddress, provider.StateName);
            if (before is null)
                continue;
            AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], ActionReason.DeleteBecauseEachKey, deps)
            {
                ReasonText = $"removed from {parent} before its machine is destroyed",
            });
        }
        s.ResourceChanged(synthetic.Address);
    }

    private static long? LongAttr(HclValue? obj, string name)
    {
        if (obj is null || obj.IsNull || !obj.IsKnown || !obj.Type.HasAttribute(name))
            return null;
        var v = obj.GetAttribute(name);
        return v.IsKnown && !v.IsNull && v.Type.IsNumber && v.AsNumber().TryToLong(out var n) ? n : null;
    }

    private static string? StrAttr(HclValue? obj, string name)
    {
        if (obj is null || obj.IsNull || !obj.IsKnown || !obj.Type.HasAttribute(name))
            return null;
        var v = obj.GetAttribute(name);
        return v.IsKnown && !v.IsNull && v.Type.IsString ? v.AsString() : null;
    }

    private static bool? BoolAttr(HclValue? obj, string name)
    {
        if (obj is null || obj.IsNull || !obj.IsKnown || !obj.Type.HasAttribute(name))
            return null;
        var v = obj.GetAttribute(name);
        return v.IsKnown && !v.IsNull && v.Type.IsBool ? v.AsBool() : null;
    }
}
