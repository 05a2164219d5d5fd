using Provisioner.Config;
using Provisioner.Hcl;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Planning.Pools;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Planning;

/// <summary>
/// One planning run: walks the configuration graph in dependency order, expands modules and resources into
/// instances, evaluates them, asks providers to plan each instance, and collects the changes. After planning it is
/// kept as the executor's evaluation session (scopes, configured providers, instance sites), so instances whose
/// configuration depends on values known only after apply are evaluated again when their turn comes.
/// </summary>
internal sealed partial class PlanWalk
{
    private readonly Dictionary<ModuleNode, List<ModuleScope>> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FunctionTable> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceState> _priorByAddress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visitedState = new(StringComparer.Ordinal);
    private readonly List<ResourceInstanceChange> _changes = [];
    private readonly List<ResourceInstanceChange> _drift = [];
    private readonly List<OutputChange> _outputs = [];
    private readonly Dictionary<string, List<ResourceInstanceChange>> _changesByResource = new(StringComparer.Ordinal);
    private readonly DecodedStates _decoded = new();

    public PlanWalk(PlanInput input, CancellationToken ct)
    {
        In = input;
        Ct = ct;
        Events = input.Events;
        Graph = ConfigGraph.Build(input.Root);
        Prior = input.PriorState ?? StateSnapshot.New();
        foreach (var r in Prior.Resources)
            _priorByAddress[r.Address] = r;
    }

    public PlanInput In { get; }

    /// <summary>Where events go (the CLI may switch views between planning and applying).</summary>
    public Events.IEngineEvents Events { get; set; }

    public CancellationToken Ct { get; }

    public ConfigGraph Graph { get; }

    /// <summary>The prior state (moved blocks applied); the executor records results into it.</summary>
    public StateSnapshot Prior { get; }

    public DiagnosticList Diagnostics { get; } = new();

    /// <summary>Where each planned instance came from (keyed by the change, reference identity).</summary>
    public Dictionary<ResourceInstanceChange, InstanceSite> Sites { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Data sources read during planning: recorded into state when the plan is applied.</summary>
    public List<(ResourceAddress Resource, InstanceKey Key, string Provider, HclValue Value)> DataReads { get; } = [];

    public ModuleScope RootScope => _scopes[In.Root][0];

    public IReadOnlyList<ModuleScope> ScopesOf(ModuleNode node) => _scopes.TryGetValue(node, out var l) ? l : [];

    public async Task<Plan?> RunAsync()
    {
        var cycles = Graph.Cycles();
        if (cycles.HasErrors)
        {
            Diagnostics.AddRange(cycles);
            return null;
        }
        var order = Graph.Graph.TopologicalOrder()!;
        for (var i = 0; i < order.Count; i++)
            _orderIndex[order[i].Id] = i;
        ApplyMoves();
        CollectImports();
        _scopes[In.Root] = [NewScope(ModuleInstance.Root, In.Root, null, InstanceKey.None, null)];
        foreach (var v in order)
        {
            Ct.ThrowIfCancellationRequested();
            await VisitAsync(v).ConfigureAwait(false);
        }
        await PlanOrphansAsync().ConfigureAwait(false);
        if (Diagnostics.HasErrors)
            return null;
        if (In.Options.Mode != PlanMode.Destroy)
            Diagnostics.AddRange(await EvaluateChecksAsync().ConfigureAwait(false));
        var stepBarriers = new List<StepBarrier>();
        var stepOrders = PoolOrdering.Derive(_changes, _poolExpansions, Providers, In.Options.Mode, Diagnostics, stepBarriers, _nodeHealth);
        if (Diagnostics.HasErrors)
            return null;
        var changes = ApplyTargets(_changes);
        changes.Sort((a, b) =>
        {
            var c = a.Address.CompareTo(b.Address);
            return c != 0 ? c : string.CompareOrdinal(a.Deposed ?? "", b.Deposed ?? "");
        });
        _drift.Sort((a, b) => a.Address.CompareTo(b.Address));
        PlanOutputRemovals();
        _outputs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new Plan(In.Options.Mode, Prior.Lineage, Prior.Serial, changes, _drift, _outputs, In.Variables, In.Options, Diagnostics)
        {
            StepOrders = stepOrders,
            StepBarriers = stepBarriers,
        };
    }

    private ModuleScope NewScope(ModuleInstance path, ModuleNode node, ModuleScope? parent, InstanceKey key, HclValue? each)
    {
        var dir = node.Config.Directory;
        if (!_functions.TryGetValue(dir, out var fns))
            _functions[dir] = fns = HclFunctions.CreateStandard(new StandardLibraryOptions(dir, In.Time));
        return new ModuleScope(path, node, In.Root.Config.Directory, In.WorkingDirectory, In.Workspace, fns)
        {
            Parent = parent,
            CallKey = key,
            CallEachValue = each,
        };
    }

    private async Task VisitAsync(ConfigVertex v)
    {
        var key = v.Key;
        var scopes = ScopesOf(v.Module);
        if (key.StartsWith("var.", StringComparison.Ordinal))
        {
            foreach (var s in scopes)
                EvaluateVariable(s, key[4..]);
        }
        else if (key.StartsWith("local.", StringComparison.Ordinal))
        {
            var local = v.Module.Config.Locals[key[6..]];
            foreach (var s in scopes)
                s.SetLocal(local.Name, Evaluate(local.Expression, s.Context, HclValue.DynamicVal));
        }
        else if (key.StartsWith("output.", StringComparison.Ordinal))
        {
            foreach (var s in scopes)
                EvaluateOutput(s, v.Module.Config.Outputs[key[7..]]);
        }
        else if (key.StartsWith("provider.", StringComparison.Ordinal))
        {
            var rest = key[9..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var pc = v.Module.Config.FindProvider(dot < 0 ? rest : rest[..dot], dot < 0 ? null : rest[(dot + 1)..]);
            if (pc is not null && scopes.Count > 0)
                await ConfigureProviderAsync(v.Module, pc, scopes[0]).ConfigureAwait(false);
        }
        else if (key.StartsWith("module.", StringComparison.Ordinal))
        {
            if (key.EndsWith("#outputs", StringComparison.Ordinal))
                CollectModuleOutputs(v.Module, key[7..^8], scopes);
            else
                ExpandModuleCall(v.Module, key[7..], scopes);
        }
        else if (key.StartsWith("data.", StringComparison.Ordinal))
        {
            var parts = key.Split('.', 3);
            var res = v.Module.Config.FindResource(Config.ResourceMode.Data, parts[1], parts[2])!;
            foreach (var s in scopes)
                await PlanDataAsync(v, s, res).ConfigureAwait(false);
        }
        else
        {
            var parts = key.Split('.', 2);
            var res = v.Module.Config.FindResource(Config.ResourceMode.Managed, parts[0], parts[1])!;
            foreach (var s in scopes)
                await PlanResourceAsync(v, s, res).ConfigureAwait(false);
        }
    }

    /// <summary>Evaluates an expression; on errors records them and returns <paramref name="onError"/>.</summary>
    internal HclValue Evaluate(IHclExpression expr, EvalContext ctx, HclValue onError)
    {
        var r = expr.Evaluate(ctx);
        Diagnostics.AddRange(r.Diagnostics);
        return r.HasErrors ? onError : r.Value;
    }

    private void EvaluateVariable(ModuleScope s, string name)
    {
        var decl = s.Node.Config.Variables[name];
        HclValue value;
        if (s.Parent is null)
        {
            value = In.Variables.TryGetValue(name, out var given) ? given : decl.Default ?? HclValue.NullOf(decl.Type.Type);
        }
        else
        {
            var call = s.Node.Call!;
            var attrs = call.Inputs.JustAttributes();
            if (attrs.Attributes.TryGetValue(name, out var attr))
            {
                var raw = Evaluate(attr.Expression, s.Parent.ForInstance(s.CallKey, s.CallEachValue), HclValue.UnknownOf(decl.Type.Type));
                if (raw.IsNull && !decl.Nullable && decl.Default is not null)
                    raw = decl.Default;
                var conv = decl.Type.Convert(raw);
                if (!conv.IsSuccess)
                {
                    Diagnostics.Error("Invalid value for input variable",
                        $"The given value is not suitable for module.{call.Name}'s input variable \"{name}\" declared at {decl.DeclRange}: {conv.Error!.Message}.",
                        attr.Expression.Range);
                    value = HclValue.UnknownOf(decl.Type.Type);
                }
                else
                {
                    value = conv.Value!;
                }
                if (value.IsNull && !decl.Nullable)
                {
                    Diagnostics.Error("Invalid value for input variable",
                        $"The given value is null, but variable \"{name}\" does not allow null values.", attr.Expression.Range);
                }
            }
            else
            {
                value = decl.Default ?? HclValue.NullOf(decl.Type.Type);
            }
            foreach (var rule in decl.Validations)
                CheckRule(rule, EvalContext.WithLocals(s.Context, null, HclValue.Null, "var", HclValue.Object((name, value))), "Invalid value for variable");
        }
        if (decl.Sensitive)
            value = value.Mark(HclMarks.Sensitive);
        s.SetVariable(name, value);
    }

    /// <summary>Evaluates a condition; a false one is an error with its error_message. Unknown conditions are deferred.</summary>
    internal bool CheckRule(CheckRule rule, EvalContext ctx, string summary)
    {
        var r = rule.Condition.Evaluate(ctx);
        if (r.HasErrors)
        {
            Diagnostics.AddRange(r.Diagnostics);
            return false;
        }
        var v = r.Value.UnmarkDeep().Value;
        if (!v.IsKnown)
            return true;
        if (v.IsNull || !v.Type.IsBool)
        {
            Diagnostics.Error("Invalid condition result", "The condition expression must return either true or false.", rule.Condition.Range);
            return false;
        }
        if (v.AsBool())
            return true;
        var msg = rule.ErrorMessage.Evaluate(ctx);
        var text = !msg.HasErrors && msg.Value.IsKnown && !msg.Value.IsNull && msg.Value.Type.IsString && !msg.Value.IsSensitive
            ? msg.Value.AsString()
            : "The condition evaluated to false.";
        Diagnostics.Error(summary, $"{text}\n\nThis was checked by the validation rule at {rule.DeclRange}.", rule.Condition.Range);
        return false;
    }

    private void EvaluateOutput(ModuleScope s, Output o)
    {
        foreach (var rule in o.Preconditions)
            CheckRule(rule, s.Context, "Module output value precondition failed");
        var value = Evaluate(o.Value, s.Context, HclValue.DynamicVal);
        if (o.Sensitive)
            value = value.Mark(HclMarks.Sensitive);
        else if (s.Parent is null && value.ContainsMarks() && value.UnmarkDeep().Marks.Contains(HclMarks.Sensitive))
        {
            Diagnostics.Error("Output refers to sensitive values",
                "To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, Provisioner requires that any root module output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n    sensitive = true",
                o.DeclRange);
        }
        s.SetOutput(o.Name, value);
        if (s.Parent is null && !Applying)
            PlanOutput(o.Name, value, o.Sensitive);
    }

    private void PlanOutput(string name, HclValue value, bool sensitive)
    {
        HclValue before = HclValue.Null;
        var had = Prior.Outputs.TryGetValue(name, out var prior);
        if (had && HclJson.TryTypeFromJson(prior!.TypeJson, out var t, out _))
        {
            var r = HclJson.FromJson(prior.ValueJson, t);
            if (r.IsSuccess)
                before = prior.Sensitive ? r.Value!.Mark(HclMarks.Sensitive) : r.Value!;
        }
        ChangeAction action;
        if (In.Options.Mode == PlanMode.Destroy)
            action = had ? ChangeAction.Delete : ChangeAction.NoOp;
        else if (!had)
            action = ChangeAction.Create;
        else if (!value.IsWhollyKnown || !before.UnmarkDeep().Value.RawEquals(value.UnmarkDeep().Value) || prior!.Sensitive != sensitive)
            action = ChangeAction.Update;
        else
            action = ChangeAction.NoOp;
        if (In.Options.Mode == PlanMode.RefreshOnly)
            action = ChangeAction.NoOp;
        _outputs.Add(new OutputChange(name, action, before, In.Options.Mode == PlanMode.Destroy ? HclValue.Null : value, sensitive));
    }

    private void PlanOutputRemovals()
    {
        var declared = In.Root.Config.Outputs;
        foreach (var (name, prior) in Prior.Outputs)
        {
            if (declared.ContainsKey(name))
                continue;
            _outputs.Add(new OutputChange(name, ChangeAction.Delete, HclValue.Null, HclValue.Null, prior.Sensitive));
        }
    }

    internal void AddChange(ResourceInstanceChange change)
    {
        _changes.Add(change);
        var key = change.Address.Resource.ToString();
        if (!_changesByResource.TryGetValue(key, out var list))
            _changesByResource[key] = list = [];
        list.Add(change);
    }

    internal IReadOnlyList<ResourceInstanceChange> ChangesOf(ResourceAddress resource) =>
        _changesByResource.TryGetValue(resource.ToString(), out var l) ? l : [];

    private readonly Dictionary<string, ImportBlock> _imports = new(StringComparer.Ordinal);

    /// <summary>Root <c>import</c> blocks by target instance address.</summary>
    private void CollectImports()
    {
        foreach (var ib in In.Root.Config.Imports)
        {
            if (ib.ForEach is not null)
            {
                Diagnostics.Error("Unsupported import block", "Import blocks with for_each are not supported yet: write one import block per instance.", ib.DeclRange);
                continue;
            }
            var (address, d) = AddressParser.ParseInstance(ib.To.ToString());
            if (address is null)
            {
                Diagnostics.AddRange(d);
                continue;
            }
            if (!_imports.TryAdd(address.ToString(), ib))
                Diagnostics.Error("Duplicate import configuration", $"An import block for {address} was already declared.", ib.DeclRange);
        }
    }

    internal void AddDrift(ResourceInstanceChange drift) => _drift.Add(drift);
}
