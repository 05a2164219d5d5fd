using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Events;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;
using Provisioner.State;
using ResourceMode = Provisioner.Engine.Addresses.ResourceMode;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    private async Task PlanResourceAsync(ConfigVertex v, ModuleScope s, Resource res)
    {
        var address = new ResourceAddress(s.Path, ResourceMode.Managed, res.Type, res.Name);
        var addressText = address.ToString();
        _visitedState.Add(addressText);
        _priorByAddress.TryGetValue(addressText, out var stateRes);
        var provider = await GetProviderAsync(s.Node, res).ConfigureAwait(false);
        if (provider is null)
            return;
        if (!provider.Schema.Resources.TryGetValue(res.Type, out var schema))
        {
            Diagnostics.Error("Invalid resource type",
                $"The provider \"{provider.StateName}\" does not support resource type \"{res.Type}\".", res.TypeRange);
            return;
        }
        var type = schema.Block.ImpliedType();
        var refreshed = await RefreshedAsync(addressText).ConfigureAwait(false);
        var priorInstances = new Dictionary<InstanceKey, InstanceState>();
        var deposed = new List<InstanceState>();
        if (stateRes is not null)
        {
            foreach (var i in stateRes.Instances)
            {
                if (i.Deposed is not null)
                    deposed.Add(i);
                else
                    priorInstances[KeyOf(i)] = i;
            }
        }

        var deps = Dependencies(v, s);
        if (schema.Members is not null)
        {
            // The per-node effects belong to the members; the resource itself does not wait for the pools.
            deps = deps.Where(d => !IsPoolType(d.Type)).ToList();
        }
        if (In.Options.Mode == PlanMode.Destroy)
        {
            var values = s.Resource(res.Address, schema.NodePool is not null ? ExpansionKind.Pool
                : stateRes?.Each switch { "list" => ExpansionKind.Count, "map" => ExpansionKind.ForEach, _ => ExpansionKind.Single });
            if (schema.NodePool is { } destroyedPool)
                values.Pool = new Pools.PoolShape(HclValue.DynamicVal, destroyedPool, type);
            foreach (var (key, inst) in priorInstances)
            {
                var before = PriorValue(addressText, inst, type, schema, refreshed, address.Instance(key), provider.StateName);
                if (before is null)
                    continue;
                values.Set(key, before);
                CheckPreventDestroy(res, address.Instance(key));
                AddChange(new ResourceInstanceChange(address.Instance(key), provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], ActionReason.None, deps));
            }
            PlanDeposed(address, deposed, type, schema, refreshed, provider, deps);
            s.ResourceChanged(res.Address);
            if (priorInstances.Count > 0)
            {
                // The configuration is still checked (as `terraform destroy` validates first): its values are discarded.
                var key = priorInstances.Keys.First();
                SchemaDecoder.Decode(schema.Block, res.Config, s.ForInstance(key, HclValue.DynamicVal), Diagnostics);
            }
            return;
        }

        if (schema.NodePool is { } pool)
        {
            await PlanPoolAsync(v, s, res, provider, schema, pool, address, priorInstances, refreshed, deps).ConfigureAwait(false);
            PlanDeposed(address, deposed, type, schema, refreshed, provider, deps);
            s.ResourceChanged(res.Address);
            return;
        }
        var (kind, keys) = Expand(res.Count, res.ForEach, s.Context);
        var resourceValues = s.Resource(res.Address, kind);
        var seen = new HashSet<InstanceKey>();
        var extras = schema.Members is { } ms ? new InstanceExtras { NodesOf = ms } : null;
        foreach (var (key, each) in keys)
        {
            seen.Add(key);
            priorInstances.TryGetValue(key, out var inst);
            await PlanInstanceAsync(v, s, res, provider, schema, address.Instance(key), each, inst, refreshed, deps, resourceValues, extras).ConfigureAwait(false);
        }
        foreach (var (key, inst) in priorInstances)
        {
            if (seen.Contains(key))
                continue;
            var instAddress = address.Instance(key);
            var before = PriorValue(addressText, inst, type, schema, refreshed, instAddress, provider.StateName);
            if (before is null)
                continue;
            var reason = (key.Kind, kind) switch
            {
                (InstanceKeyKind.Int, ExpansionKind.Count) => ActionReason.DeleteBecauseCountIndex,
                (InstanceKeyKind.String, ExpansionKind.ForEach) => ActionReason.DeleteBecauseEachKey,
                _ => ActionReason.DeleteBecauseWrongRepetition,
            };
            if (In.Options.Mode == PlanMode.RefreshOnly)
                continue;
            CheckPreventDestroy(res, instAddress);
            AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], reason, deps));
        }
        PlanDeposed(address, deposed, type, schema, refreshed, provider, deps);
        s.ResourceChanged(res.Address);
        if (schema.Members is { } members && In.Options.Mode == PlanMode.Normal)
            await PlanMembersAsync(v, s, res, provider, schema, members, address).ConfigureAwait(false);
    }

    private void PlanDeposed(ResourceAddress address, List<InstanceState> deposed, HclType type, ResourceSchema schema,
        Dictionary<string, ReadResult>? refreshed, ProviderHandle provider, IReadOnlyList<ResourceAddress> deps)
    {
        if (In.Options.Mode == PlanMode.RefreshOnly)
            return;
        foreach (var inst in deposed)
        {
            var instAddress = address.Instance(KeyOf(inst));
            var before = PriorValue(address.ToString(), inst, type, schema, refreshed, instAddress, provider.StateName);
            if (before is null)
                continue;
            AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], ActionReason.None, deps)
            {
                Deposed = inst.Deposed,
            });
        }
    }

    private void CheckPreventDestroy(Resource res, ResourceInstanceAddress address)
    {
        if (!res.Lifecycle.PreventDestroy)
            return;
        Diagnostics.Error("Instance cannot be destroyed",
            $"Resource {address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.",
            res.DeclRange);
    }

    /// <summary>
    /// The recorded object as planning sees it: refreshed when refreshing (drift is recorded), decoded from state
    /// otherwise. Null when the object no longer exists (deleted outside Provisioner).
    /// </summary>
    private HclValue? PriorValue(string resourceAddress, InstanceState inst, HclType type, ResourceSchema schema,
        Dictionary<string, ReadResult>? refreshed, ResourceInstanceAddress address, string provider)
    {
        var decoded = _decoded.Take(inst, type);
        if (!decoded.IsSuccess)
        {
            Diagnostics.Error("Invalid recorded object",
                $"The state's object for {address} does not match the provider's schema for {schema.TypeName}: {decoded.Error}.");
            return null;
        }
        var recorded = decoded.Value!;
        if (refreshed is null || !refreshed.TryGetValue(InstanceStateKey(inst), out var read))
            return recorded;
        if (read.Diagnostics.Any(d => d.IsError))
        {
            foreach (var d in read.Diagnostics)
                Diagnostics.Add(new Diagnostic(d.Severity, d.Summary, $"While refreshing {address}: {d.Detail}"));
            return recorded;
        }
        var now = read.NewState;
        if (now.IsNull)
        {
            AddDrift(new ResourceInstanceChange(address, provider, ChangeAction.Delete, recorded, HclValue.NullOf(type), [], ActionReason.None, [])
            {
                Deposed = inst.Deposed,
            });
            RefreshedObjects[(resourceAddress, InstanceStateKey(inst))] = null;
            return null;
        }
        now = Remark(now, schema.Block, recorded);
        if (!now.UnmarkDeep().Value.RawEquals(recorded.UnmarkDeep().Value))
        {
            AddDrift(new ResourceInstanceChange(address, provider, ChangeAction.Update, recorded, now, [], ActionReason.None, [])
            {
                Deposed = inst.Deposed,
            });
            RefreshedObjects[(resourceAddress, InstanceStateKey(inst))] = (now, read.Private);
        }
        return now;
    }

    /// <summary>Refreshed objects that differ from state (null: gone), recorded into state on apply.</summary>
    public Dictionary<(string Resource, string Instance), (HclValue Value, byte[]? Private)?> RefreshedObjects { get; } = [];

    private async Task PlanInstanceAsync(ConfigVertex v, ModuleScope s, Resource res, ProviderHandle provider, ResourceSchema schema,
        ResourceInstanceAddress address, HclValue? each, InstanceState? inst, Dictionary<string, ReadResult>? refreshed,
        IReadOnlyList<ResourceAddress> deps, RepeatedValues values, InstanceExtras? extras = null)
    {
        var type = schema.Block.ImpliedType();
        HclValue? prior = null;
        if (extras is { HasPrior: true })
            prior = extras.Prior;
        else if (inst is not null)
            prior = PriorValue(address.Resource.ToString(), inst, type, schema, refreshed, address, provider.StateName);
        var site = new InstanceSite(s, res, v, address.Key, each, provider, schema)
        {
            PoolNode = extras?.PoolNode,
            Member = extras?.Member,
            NodesOf = extras?.NodesOf,
        };
        string? importId = null;
        byte[]? importPrivate = null;
        if (inst is null && In.Options.Mode == PlanMode.Normal && _imports.TryGetValue(address.ToString(), out var ib))
        {
            var imported = await ImportForPlanAsync(ib, provider, schema, address).ConfigureAwait(false);
            if (imported is null)
            {
                values.Set(address.Key, HclValue.UnknownOf(type));
                return;
            }
            (prior, importPrivate, importId) = imported.Value;
        }

        if (In.Options.Mode == PlanMode.RefreshOnly)
        {
            if (prior is not null)
            {
                values.Set(address.Key, prior);
                AddChange(new ResourceInstanceChange(address, provider.StateName, ChangeAction.NoOp, prior, prior, [], ActionReason.None, deps));
            }
            else
            {
                // Not created yet: its attributes are not known (null would make every reference to them an error).
                values.Set(address.Key, HclValue.UnknownOf(type));
            }
            return;
        }

        var ctx = s.ForInstance(address.Key, each);
        var diags = new DiagnosticList();
        var config = DecodeConfig(site, ctx, diags);
        foreach (var rule in res.Lifecycle.Preconditions)
            CheckRule(rule, ctx, "Resource precondition failed");
        if (!diags.HasErrors)
        {
            var plainConfig = config.UnmarkDeep().Value;
            AddProviderDiagnostics(diags, provider.Provider.ValidateResourceConfig(res.Type, plainConfig), res.Config, res.DeclRange);
        }
        Diagnostics.AddRange(diags);
        if (diags.HasErrors)
        {
            values.Set(address.Key, HclValue.UnknownOf(type));
            return;
        }

        var tainted = inst is not null && inst.Status == InstanceStatus.Tainted;
        var priorPlain = prior?.UnmarkDeep().Value;
        var effectiveConfig = config;
        if (priorPlain is not null)
            effectiveConfig = IgnoreChanges(res.Lifecycle, schema.Block, config, prior!);
        var configPlain = effectiveConfig.UnmarkDeep().Value;

        PlanResult planned;
        ChangeAction action;
        ActionReason reason = ActionReason.None;
        var replacePaths = new List<AttributePath>();
        if (priorPlain is null)
        {
            planned = await provider.Provider.PlanChangeAsync(new PlanRequest(res.Type, HclValue.NullOf(type),
                ObjectChange.ProposedNew(schema.Block, HclValue.NullOf(type), configPlain), configPlain, null), Ct).ConfigureAwait(false);
            action = ChangeAction.Create;
        }
        else
        {
            planned = await provider.Provider.PlanChangeAsync(new PlanRequest(res.Type, priorPlain,
                ObjectChange.ProposedNew(schema.Block, priorPlain, configPlain), configPlain, inst?.Private ?? importPrivate), Ct).ConfigureAwait(false);
            if (!planned.Diagnostics.Any(d => d.IsError))
            {
                foreach (var p in planned.RequiresReplace.Concat(ObjectChange.ForceNewChanges(schema.Block, priorPlain, planned.PlannedState)))
                {
                    if (!replacePaths.Contains(p))
                        replacePaths.Add(p);
                }
            }
            if (tainted)
                reason = ActionReason.ReplaceBecauseTainted;
            else if (In.Options.ReplaceList.Contains(address))
                reason = ActionReason.ReplaceByRequest;
            else if (TriggeredReplace(res, s, ctx))
                reason = ActionReason.ReplaceByTriggers;
            else if (replacePaths.Count > 0 || extras is { ReplaceBecauseMachine: true })
                reason = ActionReason.ReplaceBecauseCannotUpdate; // a member cannot follow its node to another machine in place
            if (reason != ActionReason.None)
            {
                action = res.Lifecycle.CreateBeforeDestroy ? ChangeAction.CreateThenDelete : ChangeAction.DeleteThenCreate;
                if (!planned.Diagnostics.Any(d => d.IsError))
                {
                    planned = await provider.Provider.PlanChangeAsync(new PlanRequest(res.Type, HclValue.NullOf(type),
                        ObjectChange.ProposedNew(schema.Block, HclValue.NullOf(type), configPlain), configPlain, null), Ct).ConfigureAwait(false);
                }
            }
            else
            {
                action = planned.PlannedState.RawEquals(priorPlain) ? ChangeAction.NoOp : ChangeAction.Update;
            }
        }
        var pdiags = new DiagnosticList();
        AddProviderDiagnostics(pdiags, planned.Diagnostics, res.Config, res.DeclRange);
        // A warning the provider gave both when validating and when planning (HA rules) is shown once.
        Diagnostics.AddRange(pdiags.Where(d => d.IsError || !diags.Any(v => v.Severity == d.Severity && v.Summary == d.Summary && v.Detail == d.Detail)));
        if (pdiags.HasErrors)
        {
            values.Set(address.Key, HclValue.UnknownOf(type));
            return;
        }
        var after = Remark(planned.PlannedState, schema.Block, config);
        if (action.IsReplace() || action == ChangeAction.Delete)
            CheckPreventDestroy(res, address);
        foreach (var rule in res.Lifecycle.Postconditions)
            CheckRule(rule, EvalContext.WithLocals(ctx, null, HclValue.Null, "self", after), "Resource postcondition failed");
        var change = new ResourceInstanceChange(address, provider.StateName, action, prior ?? HclValue.NullOf(type), after,
            action.IsReplace() ? replacePaths : [], reason, deps)
        {
            PlannedPrivate = planned.PlannedPrivate,
            ImportId = importId,
            ReasonText = action is ChangeAction.NoOp ? null : extras?.ReasonText?.Invoke(action),
        };
        AddChange(change);
        Sites[change] = site;
        if (importPrivate is not null)
            ImportedPrivate[change] = importPrivate;
        values.Set(address.Key, after);
        Events.Emit(new InstancePlanned(In.Time.GetUtcNow(), change));
    }

    /// <summary>The provider's private data of objects imported during planning (recorded with them on apply).</summary>
    public Dictionary<ResourceInstanceChange, byte[]> ImportedPrivate { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads the object an <c>import</c> block names; null (with an error) when it cannot.</summary>
    private async Task<(HclValue Value, byte[]? Private, string Id)?> ImportForPlanAsync(Config.ImportBlock ib, ProviderHandle provider, ResourceSchema schema, ResourceInstanceAddress address)
    {
        var idValue = Evaluate(ib.Id, RootScope.Context, HclValue.DynamicVal).UnmarkDeep().Value;
        if (!idValue.IsKnown || idValue.IsNull || !idValue.Type.IsString)
        {
            Diagnostics.Error("Invalid import id argument",
                "The import block \"id\" argument must be a known string: it depends on values that cannot be determined until apply, or is not a string.", ib.Id.Range);
            return null;
        }
        var id = idValue.AsString();
        var r = await provider.Provider.ImportAsync(new ImportRequest(schema.TypeName, id), Ct).ConfigureAwait(false);
        var d = new DiagnosticList();
        AddProviderDiagnostics(d, r.Diagnostics, null, ib.DeclRange);
        Diagnostics.AddRange(d);
        if (d.HasErrors)
            return null;
        if (r.State is null || r.State.IsNull)
        {
            Diagnostics.Error("Cannot import non-existent remote object",
                $"While attempting to import an existing object to \"{address}\", the provider detected that no object exists with the given id \"{id}\".", ib.DeclRange);
            return null;
        }
        return (Remark(r.State, schema.Block, null), r.Private, id);
    }

    /// <summary>Marks sensitive attributes (by schema, or because the configuration's value was sensitive).</summary>
    internal static HclValue Remark(HclValue value, BlockSchema schema, HclValue? source)
    {
        if (value.IsNull || !value.IsKnown || !value.Type.IsObject)
            return value;
        List<KeyValuePair<string, HclValue>>? attrs = null;
        foreach (var (name, a) in schema.Attributes)
        {
            if (!value.Type.HasAttribute(name))
                continue;
            var sensitive = a.Sensitive;
            if (!sensitive && source is not null && source.IsKnown && !source.IsNull && source.Type.HasAttribute(name))
            {
                var sv = source.GetAttribute(name);
                sensitive = sv.ContainsMarks() && sv.UnmarkDeep().Marks.Contains(HclMarks.Sensitive);
            }
            if (!sensitive)
                continue;
            attrs ??= value.Attributes.ToList();
            var i = attrs.FindIndex(kv => kv.Key == name);
            attrs[i] = new(name, attrs[i].Value.Mark(HclMarks.Sensitive));
        }
        return attrs is null ? value : HclValue.Object(attrs);
    }

    /// <summary>Applies <c>ignore_changes</c>: the ignored top-level arguments keep their prior values.</summary>
    private static HclValue IgnoreChanges(ResourceLifecycle lifecycle, BlockSchema schema, HclValue config, HclValue prior)
    {
        if (!lifecycle.IgnoreAllChanges && lifecycle.IgnoreChanges.Count == 0)
            return config;
        if (config.IsNull || !config.IsKnown || prior.IsNull || !prior.IsKnown)
            return config;
        var names = lifecycle.IgnoreAllChanges
            ? schema.Attributes.Where(kv => kv.Value.Required || kv.Value.Optional).Select(kv => kv.Key).Concat(schema.Blocks.Keys).ToHashSet(StringComparer.Ordinal)
            : lifecycle.IgnoreChanges.Select(t => t.RootName).ToHashSet(StringComparer.Ordinal);
        var attrs = config.Attributes.Select(kv =>
            names.Contains(kv.Key) && prior.Type.HasAttribute(kv.Key) ? new KeyValuePair<string, HclValue>(kv.Key, prior.GetAttribute(kv.Key)) : kv);
        return HclValue.Object(attrs);
    }

    /// <summary>
    /// <c>replace_triggered_by</c>: true when a referenced resource (or instance) is planned to be updated or replaced.
    /// </summary>
    private bool TriggeredReplace(Resource res, ModuleScope s, EvalContext ctx)
    {
        foreach (var expr in res.Lifecycle.ReplaceTriggeredBy)
        {
            foreach (var t in expr.Variables())
            {
                if (t.Steps.Count == 0 || t.Steps[0] is not Hcl.Syntax.TraverseAttr name)
                    continue;
                var target = s.Node.Config.FindResource(Config.ResourceMode.Managed, t.RootName, name.Name);
                if (target is null)
                    continue;
                var ra = new ResourceAddress(s.Path, ResourceMode.Managed, t.RootName, name.Name);
                InstanceKey? key = null;
                if (t.Steps.Count > 1 && t.Steps[1] is Hcl.Syntax.TraverseIndex idx)
                {
                    key = idx.KeyKind == Hcl.Syntax.IndexKeyKind.String
                        ? InstanceKey.String(idx.KeyText)
                        : long.TryParse(idx.KeyText, System.Globalization.CultureInfo.InvariantCulture, out var n) ? InstanceKey.Int(n) : null;
                }
                if (key is null && expr.Evaluate(ctx) is { HasErrors: false } && t.Steps.Count > 1 && t.Steps[1] is not Hcl.Syntax.TraverseAttr)
                {
                    // An index we could not read statically (count.index, each.key): match this instance's own key.
                    key = ctx.TryGetVariable("count", out var c) && c.Type.HasAttribute("index")
                        ? InstanceKey.Int(c.GetAttribute("index").AsNumber().TryToLong(out var ci) ? ci : 0)
                        : ctx.TryGetVariable("each", out var e) ? InstanceKey.String(e.GetAttribute("key").AsString()) : null;
                }
                foreach (var ch in ChangesOf(ra))
                {
                    if (key is not null && ch.Address.Key != key.Value)
                        continue;
                    if (ch.Action is ChangeAction.Update or ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete)
                        return true;
                }
            }
        }
        return false;
    }

    private async Task PlanDataAsync(ConfigVertex v, ModuleScope s, Resource res)
    {
        var address = new ResourceAddress(s.Path, ResourceMode.Data, res.Type, res.Name);
        _visitedState.Add(address.ToString());
        var provider = await GetProviderAsync(s.Node, res).ConfigureAwait(false);
        if (provider is null)
            return;
        if (!provider.Schema.DataSources.TryGetValue(res.Type, out var schema))
        {
            Diagnostics.Error("Invalid data source",
                $"The provider \"{provider.StateName}\" does not support data source \"{res.Type}\".", res.TypeRange);
            return;
        }
        var type = schema.Block.ImpliedType();
        var deps = Dependencies(v, s);
        var (kind, keys) = Expand(res.Count, res.ForEach, s.Context);
        var values = s.Resource(res.Address, kind);
        var pending = deps.Any(d => ChangesOf(d).Any(c => c.Action != ChangeAction.NoOp));
        foreach (var (key, each) in keys)
        {
            var ctx = s.ForInstance(key, each);
            var diags = new DiagnosticList();
            var config = SchemaDecoder.Decode(schema.Block, res.Config, ctx, diags);
            foreach (var rule in res.Lifecycle.Preconditions)
                CheckRule(rule, ctx, "Resource precondition failed");
            var plain = config.UnmarkDeep().Value;
            if (!diags.HasErrors)
                AddProviderDiagnostics(diags, provider.Provider.ValidateDataSourceConfig(res.Type, plain), res.Config, res.DeclRange);
            Diagnostics.AddRange(diags);
            if (diags.HasErrors)
            {
                values.Set(key, HclValue.UnknownOf(type));
                continue;
            }
            var instAddress = address.Instance(key);
            if (In.Options.Mode == PlanMode.Destroy || (!pending && plain.IsWhollyKnown))
            {
                var r = await provider.Provider.ReadDataSourceAsync(new ReadDataRequest(res.Type, plain), Ct).ConfigureAwait(false);
                var rd = new DiagnosticList();
                AddProviderDiagnostics(rd, r.Diagnostics, res.Config, res.DeclRange);
                Diagnostics.AddRange(rd);
                var value = rd.HasErrors ? HclValue.UnknownOf(type) : Remark(r.State, schema.Block, config);
                values.Set(key, value);
                if (!rd.HasErrors)
                {
                    DataReads.Add((address, key, provider.StateName, value));
                    foreach (var rule in res.Lifecycle.Postconditions)
                        CheckRule(rule, EvalContext.WithLocals(ctx, null, HclValue.Null, "self", value), "Resource postcondition failed");
                }
                continue;
            }
            var after = HclValue.UnknownOf(type);
            var change = new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Read, HclValue.NullOf(type), after, [],
                pending ? ActionReason.ReadBecauseDependencyPending : ActionReason.ReadBecauseConfigUnknown, deps);
            AddChange(change);
            Sites[change] = new InstanceSite(s, res, v, key, each, provider, schema);
            values.Set(key, after);
        }
        s.ResourceChanged(res.Address);
    }

    /// <summary>The resources an instance of <paramref name="v"/> in <paramref name="s"/> depends on, as module-instance addresses.</summary>
    internal IReadOnlyList<ResourceAddress> Dependencies(ConfigVertex v, ModuleScope s)
    {
        var result = new List<ResourceAddress>();
        foreach (var d in Graph.ResourceDependencies(v))
        {
            var (mode, type, name) = d.Key.StartsWith("data.", StringComparison.Ordinal)
                ? (ResourceMode.Data, d.Key.Split('.')[1], d.Key.Split('.', 3)[2])
                : (ResourceMode.Managed, d.Key[..d.Key.IndexOf('.', StringComparison.Ordinal)], d.Key[(d.Key.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            if (ReferenceEquals(d.Module, v.Module))
            {
                result.Add(new ResourceAddress(s.Path, mode, type, name));
                continue;
            }
            // Another module: the instances of that module related to this one (sharing the common ancestor's instance).
            var common = CommonDepth(v.Module.Path, d.Module.Path);
            var prefix = s.Path.Steps.Take(common).ToList();
            foreach (var other in ScopesOf(d.Module))
            {
                if (other.Path.Steps.Count >= common && other.Path.Steps.Take(common).SequenceEqual(prefix))
                    result.Add(new ResourceAddress(other.Path, mode, type, name));
            }
        }
        return result;
    }

    private static int CommonDepth(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n])
            n++;
        return n;
    }

    internal static InstanceKey KeyOf(InstanceState i) => i.Key switch
    {
        long n => InstanceKey.Int(n),
        string k => InstanceKey.String(k),
        _ => InstanceKey.None,
    };
}
