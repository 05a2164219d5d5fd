using System.Diagnostics;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Events;
using Provisioner.Engine.Graph;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.State;

namespace Provisioner.Engine.Execution;

/// <summary>One run of the executor over one plan.</summary>
internal sealed class ExecutorRun
{
    private readonly PlanWalk _walk;
    private readonly Plan _plan;
    private readonly ApplyOptions _options;
    private readonly StateRecorder _state;
    private readonly SemaphoreSlim _evalLock = new(1, 1);
    private readonly Dictionary<string, SemaphoreSlim> _providerLimits = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceInstanceChange, string> _deposedIds = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();
    private readonly DiagnosticList _diagnostics = new();
    private readonly HashSet<string> _resumableCreates = new(StringComparer.Ordinal);
    private int _added;
    private int _changed;
    private int _destroyed;
    private int _failed;
    private int _imported;
    private int _forgotten;

    public ExecutorRun(PlanWalk walk, Plan plan, ApplyOptions options)
    {
        _walk = walk;
        _plan = plan;
        _options = options;
        _state = new StateRecorder(walk.Prior);
        foreach (var p in walk.Providers)
        {
            foreach (var (name, rs) in p.Schema.Resources)
            {
                if (rs.Block.Attributes.Values.Any(a => a.Type.IsDynamic))
                    _state.DynamicTypes[name] = rs.Block.ImpliedType();
                if (rs.Members is { ResumeFailedCreate: true } ms)
                    _resumableCreates.Add(ms.MemberType);
            }
            if (p.Provider.Limits.MaxConcurrentOperations > 0)
                _providerLimits[p.StateName] = new SemaphoreSlim(p.Provider.Limits.MaxConcurrentOperations);
        }
    }

    private IEngineEvents Events => _walk.Events;

    private DateTimeOffset Now => _walk.In.Time.GetUtcNow();

    public async Task<ApplyOutcome> RunAsync(CancellationToken stopScheduling, CancellationToken abort)
    {
        _walk.Applying = true;
        RecordRefreshResults();
        var stopped = false;
        if (_plan.Mode != PlanMode.RefreshOnly)
        {
            var graph = BuildGraph();
            var cycles = graph.FindCycles();
            if (cycles.Count > 0)
            {
                _diagnostics.Error("Cycle in the apply order",
                    "Cycle: " + string.Join(", ", cycles[0].Select(s => s.ToString())));
                _state.Tidy();
                return new ApplyOutcome(_state.State, _diagnostics, 0, 0, 0, 0, false);
            }
            var result = await GraphWalker.WalkAsync(graph, VisitAsync, Math.Max(1, _options.Parallelism), stopScheduling, abort).ConfigureAwait(false);
            foreach (var e in result.Exceptions)
                _diagnostics.Error("Internal error during apply", e.ToString());
            foreach (var s in result.NodesWith(WalkStatus.Skipped).Where(s => s.Phase != StepPhase.Barrier))
                Events.Emit(new StepSkipped(Now, s.Change.Address.ToString(), s.EventAction, "a step it depends on failed"));
            foreach (var s in result.NodesWith(WalkStatus.NotStarted).Where(s => s.Phase != StepPhase.Barrier))
                Events.Emit(new StepSkipped(Now, s.Change.Address.ToString(), s.EventAction, "the run was interrupted"));
            stopped = result.Count(WalkStatus.NotStarted) > 0;
        }
        await RecordOutputsAsync().ConfigureAwait(false);
        if (_plan.Mode == PlanMode.Normal && !_diagnostics.HasErrors)
            _diagnostics.AddRange(await _walk.EvaluateChecksAsync().ConfigureAwait(false));
        _state.Tidy();
        return new ApplyOutcome(_state.State, _diagnostics, _added, _changed, _destroyed, _failed, stopped)
        {
            Imported = _imported,
            Forgotten = _forgotten,
        };
    }

    /// <summary>Data sources read during planning and objects refreshed with differences go into state first.</summary>
    private void RecordRefreshResults() => RefreshResults.Record(_walk, _plan, _state);

    internal static string EachOf(ResourceInstanceAddress a) => a.Key.Kind switch
    {
        InstanceKeyKind.Int => "list",
        InstanceKeyKind.String => "map",
        _ => "",
    };

    private DependencyGraph<ApplyStep> BuildGraph()
    {
        var g = new DependencyGraph<ApplyStep>(ReferenceEqualityComparer.Instance);
        var createSteps = new Dictionary<string, List<ApplyStep>>(StringComparer.Ordinal);
        var deleteSteps = new Dictionary<string, List<ApplyStep>>(StringComparer.Ordinal);
        var steps = new List<(ApplyStep? Create, ApplyStep? Delete)>();
        void Add(Dictionary<string, List<ApplyStep>> index, ApplyStep s)
        {
            var key = s.Change.Address.Resource.ToString();
            if (!index.TryGetValue(key, out var l))
                index[key] = l = [];
            l.Add(s);
            g.Add(s);
        }
        foreach (var c in _plan.Changes)
        {
            ApplyStep? create = null, delete = null;
            switch (c.Action)
            {
                case ChangeAction.Create:
                    create = new ApplyStep(c, StepPhase.Create);
                    break;
                case ChangeAction.Update:
                    create = new ApplyStep(c, StepPhase.Update);
                    break;
                case ChangeAction.Read:
                    create = new ApplyStep(c, StepPhase.Read);
                    break;
                case ChangeAction.NoOp when c.ImportId is not null:
                    create = new ApplyStep(c, StepPhase.Import);
                    break;
                case ChangeAction.Forget:
                    delete = new ApplyStep(c, StepPhase.Forget);
                    break;
                case ChangeAction.Delete:
                    delete = new ApplyStep(c, StepPhase.Delete);
                    break;
                case ChangeAction.DeleteThenCreate:
                case ChangeAction.CreateThenDelete:
                    create = new ApplyStep(c, StepPhase.Create);
                    delete = new ApplyStep(c, StepPhase.Delete);
                    break;
                default:
                    continue;
            }
            if (create is not null)
                Add(createSteps, create);
            if (delete is not null)
                Add(deleteSteps, delete);
            if (create is not null && delete is not null)
            {
                if (c.Action == ChangeAction.DeleteThenCreate)
                    g.AddDependency(create, delete);
                else
                    g.AddDependency(delete, create);
            }
            steps.Add((create, delete));
        }
        var barriers = new Dictionary<string, ApplyStep>(StringComparer.Ordinal);
        ApplyStep Barrier(string key, List<ApplyStep> creates)
        {
            if (!barriers.TryGetValue(key, out var b))
            {
                barriers[key] = b = new ApplyStep(creates[0].Change, StepPhase.Barrier);
                foreach (var d in creates)
                    g.AddDependency(b, d);
            }
            return b;
        }
        foreach (var (create, delete) in steps)
        {
            var c = (create ?? delete)!.Change;
            foreach (var dep in c.Dependencies)
            {
                var key = dep.ToString();
                if (create is not null && createSteps.TryGetValue(key, out var depCreates))
                {
                    if (depCreates.Count > BarrierThreshold)
                    {
                        g.AddDependency(create, Barrier(key, depCreates));
                    }
                    else
                    {
                        foreach (var d in depCreates)
                            g.AddDependency(create, d);
                    }
                }
                if (deleteSteps.TryGetValue(key, out var depDeletes))
                {
                    foreach (var d in depDeletes)
                    {
                        if (d.Change.Action == ChangeAction.CreateThenDelete)
                        {
                            // The old object goes only after everything that used it has moved to the new one.
                            if (create is not null)
                                g.AddDependency(d, create);
                            if (delete is not null && !ReferenceEquals(delete, d))
                                g.AddDependency(d, delete);
                        }
                        else if (delete is not null && !ReferenceEquals(delete, d))
                        {
                            // Dependants are destroyed before what they depend on.
                            g.AddDependency(d, delete);
                        }
                    }
                }
            }
        }
        if (_plan.StepOrders.Count > 0 || _plan.StepBarriers.Count > 0)
            AddStepOrders(g, steps);
        return g;
    }

    /// <summary>The plan's extra step ordering (node pools and members; batch boundaries through one barrier step each):
    /// entries naming a step the plan lacks are ignored.</summary>
    private void AddStepOrders(DependencyGraph<ApplyStep> g, List<(ApplyStep? Create, ApplyStep? Delete)> steps)
    {
        var index = new Dictionary<(string, bool), ApplyStep>();
        foreach (var (create, delete) in steps)
        {
            var c = (create ?? delete)!.Change;
            if (c.Deposed is not null)
                continue;
            var key = c.Address.ToString();
            if (create is not null)
                index[(key, false)] = create;
            if (delete is not null)
                index[(key, true)] = delete;
        }
        foreach (var o in _plan.StepOrders)
        {
            if (index.TryGetValue((o.Address.ToString(), o.Delete), out var step) &&
                index.TryGetValue((o.After.ToString(), o.AfterDelete), out var after) && !ReferenceEquals(step, after))
                g.AddDependency(step, after);
        }
        foreach (var b in _plan.StepBarriers)
        {
            var before = new HashSet<ApplyStep>(b.After.Select(r => index.GetValueOrDefault((r.Address.ToString(), r.Delete))).OfType<ApplyStep>());
            var then = b.Steps.Select(r => index.GetValueOrDefault((r.Address.ToString(), r.Delete))).OfType<ApplyStep>().Where(s => !before.Contains(s)).ToList();
            if (before.Count == 0 || then.Count == 0)
                continue;
            var barrier = new ApplyStep(before.First().Change, StepPhase.Barrier);
            foreach (var a in before)
                g.AddDependency(barrier, a);
            foreach (var s in then)
                g.AddDependency(s, barrier);
        }
    }

    /// <summary>Above this many create steps, a resource's dependants wait on its <see cref="StepPhase.Barrier"/>.</summary>
    private const int BarrierThreshold = 16;

    private async Task<bool> VisitAsync(ApplyStep step, CancellationToken ct)
    {
        if (step.Phase == StepPhase.Barrier)
            return true;
        var limit = _providerLimits.GetValueOrDefault(step.Change.Provider);
        if (limit is not null)
            await limit.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return step.Phase switch
            {
                StepPhase.Delete => await DeleteAsync(step, ct).ConfigureAwait(false),
                StepPhase.Read => await ReadAsync(step, ct).ConfigureAwait(false),
                StepPhase.Import => Import(step),
                StepPhase.Forget => Forget(step),
                _ => await CreateOrUpdateAsync(step, ct).ConfigureAwait(false),
            };
        }
        finally
        {
            limit?.Release();
        }
    }

    private ProviderHandle? ProviderOf(ResourceInstanceChange c) =>
        _walk.Providers.FirstOrDefault(p => p.StateName == c.Provider);

    private void Fail(ApplyStep step, DiagnosticList diags)
    {
        lock (_lock)
        {
            _diagnostics.AddRange(diags);
            _failed++;
        }
        Events.Emit(new StepFailed(Now, step.Change.Address.ToString(), step.EventAction, diags));
    }

    private static string? IdOf(HclValue v)
    {
        var plain = v.UnmarkDeep().Value;
        if (plain.IsNull || !plain.IsKnown || !plain.Type.IsObject || !plain.Type.HasAttribute("id"))
            return null;
        var id = plain.GetAttribute("id");
        return id.IsKnown && !id.IsNull && id.Type.IsString ? id.AsString() : null;
    }

    private bool Import(ApplyStep step)
    {
        var c = step.Change;
        var deps = c.Dependencies.Select(d => d.ToString()).ToList();
        var priv = _walk.ImportedPrivate.GetValueOrDefault(c);
        _walk.Sites.TryGetValue(c, out var site);
        _state.Set(c.Address, null, c.Provider, EachOf(c.Address), c.Before, priv, InstanceStatus.Ready, _plan.PriorSerial + 1, deps,
            site?.Resource.Lifecycle.CreateBeforeDestroy ?? false);
        Interlocked.Increment(ref _imported);
        Events.Emit(new StepCompleted(Now, c.Address.ToString(), ChangeAction.NoOp, c.ImportId, TimeSpan.Zero));
        return true;
    }

    private bool Forget(ApplyStep step)
    {
        var c = step.Change;
        _state.Remove(c.Address, null);
        Interlocked.Increment(ref _forgotten);
        Events.Emit(new StepCompleted(Now, c.Address.ToString(), ChangeAction.Forget, IdOf(c.Before), TimeSpan.Zero));
        return true;
    }

    private async Task<bool> DeleteAsync(ApplyStep step, CancellationToken ct)
    {
        var c = step.Change;
        var provider = ProviderOf(c);
        var deposed = c.Deposed ?? (c.Action == ChangeAction.CreateThenDelete ? _deposedIds.GetValueOrDefault(c) : null);
        var address = c.Address.ToString();
        var started = Stopwatch.GetTimestamp();
        Events.Emit(new StepStarted(Now, address, ChangeAction.Delete, IdOf(c.Before)));
        if (provider is null)
        {
            Fail(step, Diag($"No configured provider {c.Provider} for {address}."));
            return false;
        }
        var recorded = _state.Find(c.Address, deposed);
        var generation = recorded?.Generation ?? 0;
        var token = Executor.IdempotencyToken(_plan.PriorLineage, address, deposed, ChangeKind.Delete, generation);
        var prior = c.Before.UnmarkDeep().Value;
        Events.Emit(new ProviderCallStarting(Now, address, deposed, ChangeKind.Delete, token, generation, c.Provider, prior, HclValue.NullOf(prior.Type)));
        var result = await provider.Provider.ApplyChangeAsync(
            new ApplyRequest(c.Address.Resource.Type, prior, HclValue.NullOf(prior.Type), HclValue.NullOf(prior.Type), recorded?.Private, token), ct).ConfigureAwait(false);
        var diags = Translate(result.Diagnostics, c);
        if (diags.HasErrors)
        {
            Events.Emit(new ProviderCallFinished(Now, address, deposed, ChangeKind.Delete, token, false));
            Fail(step, diags);
            return false;
        }
        _state.Remove(c.Address, deposed);
        Events.Emit(new ProviderCallFinished(Now, address, deposed, ChangeKind.Delete, token, true));
        Interlocked.Increment(ref _destroyed);
        Events.Emit(new StepCompleted(Now, address, ChangeAction.Delete, IdOf(c.Before), Stopwatch.GetElapsedTime(started)));
        return true;
    }

    private async Task<bool> CreateOrUpdateAsync(ApplyStep step, CancellationToken ct)
    {
        var c = step.Change;
        var provider = ProviderOf(c);
        var address = c.Address.ToString();
        var started = Stopwatch.GetTimestamp();
        var kind = step.Phase == StepPhase.Create ? ChangeKind.Create : ChangeKind.Update;
        Events.Emit(new StepStarted(Now, address, step.EventAction, kind == ChangeKind.Update ? IdOf(c.Before) : null));
        if (provider is null || !_walk.Sites.TryGetValue(c, out var site))
        {
            Fail(step, Diag($"No configured provider or configuration for {address}."));
            return false;
        }
        var type = site.Schema.Block.ImpliedType();
        var prior = kind == ChangeKind.Create ? HclValue.NullOf(type) : c.Before.UnmarkDeep().Value;
        var recorded = _state.Find(c.Address, null);
        byte[]? priorPrivate = kind == ChangeKind.Update ? recorded?.Private ?? _walk.ImportedPrivate.GetValueOrDefault(c) : null;

        // Evaluate the configuration again with the values known now and have the provider plan it again; the
        // result must agree with every value the saved plan already knew.
        HclValue plannedState;
        byte[]? plannedPrivate;
        var (config, diags) = await EvaluateAsync(site, ct).ConfigureAwait(false);
        if (diags.HasErrors)
        {
            Fail(step, diags);
            return false;
        }
        var configPlain = config.UnmarkDeep().Value;
        var savedAfter = c.After.UnmarkDeep().Value;
        if (savedAfter.IsWhollyKnown && kind == ChangeKind.Update)
        {
            plannedState = savedAfter;
            plannedPrivate = c.PlannedPrivate;
        }
        else
        {
            var re = await provider.Provider.PlanChangeAsync(new PlanRequest(c.Address.Resource.Type, prior,
                ObjectChange.ProposedNew(site.Schema.Block, prior, configPlain), configPlain, priorPrivate), ct).ConfigureAwait(false);
            var pd = Translate(re.Diagnostics, c);
            if (pd.HasErrors)
            {
                Fail(step, pd);
                return false;
            }
            if (!Compatible(savedAfter, re.PlannedState))
            {
                Fail(step, Diag($"Provider produced inconsistent final plan",
                    $"When expanding the plan for {address} to include new values learned so far during apply, provider \"{c.Provider}\" produced an invalid new value: it differs from a value the plan already knew. This is a bug in the provider or a change made during apply."));
                return false;
            }
            plannedState = re.PlannedState;
            plannedPrivate = re.PlannedPrivate;
        }

        long generation;
        string? deposedId = null;
        if (kind == ChangeKind.Create)
        {
            generation = _plan.PriorSerial + 1;
            if (c.Action == ChangeAction.CreateThenDelete)
            {
                deposedId = _state.Depose(c.Address, () => Executor.IdempotencyToken(_plan.PriorLineage, address, null, ChangeKind.Delete, _plan.PriorSerial)[3..11]);
                if (deposedId is not null)
                {
                    lock (_lock)
                        _deposedIds[c] = deposedId;
                }
            }
        }
        else
        {
            generation = recorded?.Generation ?? 0;
        }
        var token = Executor.IdempotencyToken(_plan.PriorLineage, address, null, kind, generation);
        var deps = c.Dependencies.Select(d => d.ToString()).ToList();
        Events.Emit(new ProviderCallStarting(Now, address, null, kind, token, generation, c.Provider, prior, plannedState, deposedId, deps));
        var result = await provider.Provider.ApplyChangeAsync(
            new ApplyRequest(c.Address.Resource.Type, prior, plannedState, configPlain, plannedPrivate, token), ct).ConfigureAwait(false);
        var ad = Translate(result.Diagnostics, c);
        var cbd = site.Resource.Lifecycle.CreateBeforeDestroy;
        if (ad.HasErrors)
        {
            InstanceState? tainted = null;
            if (!result.NewState.IsNull && result.NewState.IsWhollyKnown)
            {
                // A failed create is tainted (replaced next time), unless its type resumes from the state it returned
                // (a member whose join stopped at a step: decision 0006, MemberSchema.ResumeFailedCreate).
                var value = PlanWalk.Remark(result.NewState, site.Schema.Block, config);
                var status = kind == ChangeKind.Create && !_resumableCreates.Contains(c.Address.Resource.Type) ? InstanceStatus.Tainted : InstanceStatus.Ready;
                tainted = _state.Set(c.Address, null, c.Provider, EachOf(c.Address), value, result.Private, status, generation, deps, cbd);
            }
            Events.Emit(new ProviderCallFinished(Now, address, null, kind, token, false, tainted));
            Fail(step, ad);
            return false;
        }
        if (!result.NewState.IsWhollyKnown)
        {
            Events.Emit(new ProviderCallFinished(Now, address, null, kind, token, false));
            Fail(step, Diag("Provider returned invalid result object after apply",
                $"After the apply operation, the provider still indicated an unknown value for {address}. All values must be known after apply, so this is always a bug in the provider."));
            return false;
        }
        var newValue = PlanWalk.Remark(result.NewState, site.Schema.Block, config);
        var recordedNow = _state.Set(c.Address, null, c.Provider, EachOf(c.Address), newValue, result.Private, InstanceStatus.Ready, generation, deps, cbd);
        Events.Emit(new ProviderCallFinished(Now, address, null, kind, token, true, recordedNow));
        await _evalLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _walk.SetInstanceValue(site, newValue);
            var before = _walk.Diagnostics.Count;
            var ctx = site.Scope.ForInstance(site.Key, site.EachValue);
            foreach (var rule in site.Resource.Lifecycle.Postconditions)
                _walk.CheckRule(rule, EvalContext.WithLocals(ctx, null, HclValue.Null, "self", newValue), "Resource postcondition failed");
            if (_walk.Diagnostics.Count > before)
            {
                var post = new DiagnosticList(_walk.Diagnostics.Skip(before));
                if (post.HasErrors)
                {
                    Fail(step, post);
                    return false;
                }
            }
        }
        finally
        {
            _evalLock.Release();
        }
        if (kind == ChangeKind.Create)
            Interlocked.Increment(ref _added);
        else
            Interlocked.Increment(ref _changed);
        Events.Emit(new StepCompleted(Now, address, step.EventAction, IdOf(newValue), Stopwatch.GetElapsedTime(started)));
        return true;
    }

    /// <summary>
    /// The instance's configuration evaluated with the values known now: the variables, locals and outputs above it
    /// are evaluated again first, under the evaluation lock (scopes are not thread-safe).
    /// </summary>
    private async Task<(HclValue Config, DiagnosticList Diagnostics)> EvaluateAsync(InstanceSite site, CancellationToken ct)
    {
        var diags = new DiagnosticList();
        await _evalLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _walk.ReevaluateUpstreamAsync(site.Vertex).ConfigureAwait(false);
            return (_walk.EvaluateConfig(site, diags), diags);
        }
        finally
        {
            _evalLock.Release();
        }
    }

    private async Task<bool> ReadAsync(ApplyStep step, CancellationToken ct)
    {
        var c = step.Change;
        var provider = ProviderOf(c);
        var address = c.Address.ToString();
        var started = Stopwatch.GetTimestamp();
        Events.Emit(new StepStarted(Now, address, ChangeAction.Read, null));
        if (provider is null || !_walk.Sites.TryGetValue(c, out var site))
        {
            Fail(step, Diag($"No configured provider or configuration for {address}."));
            return false;
        }
        var (config, diags) = await EvaluateAsync(site, ct).ConfigureAwait(false);
        if (diags.HasErrors)
        {
            Fail(step, diags);
            return false;
        }
        var r = await provider.Provider.ReadDataSourceAsync(new ReadDataRequest(c.Address.Resource.Type, config.UnmarkDeep().Value), ct).ConfigureAwait(false);
        var rd = Translate(r.Diagnostics, c);
        if (rd.HasErrors)
        {
            Fail(step, rd);
            return false;
        }
        var value = PlanWalk.Remark(r.State, site.Schema.Block, config);
        _state.Set(c.Address, null, c.Provider, EachOf(c.Address), value, null, InstanceStatus.Ready, 0, [], false);
        await _evalLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _walk.SetInstanceValue(site, value);
        }
        finally
        {
            _evalLock.Release();
        }
        Events.Emit(new StepCompleted(Now, address, ChangeAction.Read, IdOf(value), Stopwatch.GetElapsedTime(started)));
        return true;
    }

    private async Task RecordOutputsAsync()
    {
        var outputs = _state.State.Outputs;
        if (_plan.Mode == PlanMode.Destroy)
        {
            outputs.Clear();
            return;
        }
        var before = _walk.Diagnostics.Count;
        var values = await _walk.FinalOutputsAsync().ConfigureAwait(false);
        var declared = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in outputs.Keys.Where(k => !declared.Contains(k)).ToList())
            outputs.Remove(name);
        foreach (var (name, value, sensitive) in values)
        {
            var plain = value.UnmarkDeep().Value;
            if (!plain.IsWhollyKnown)
                continue;
            var isSensitive = sensitive || value.UnmarkDeep().Marks.Contains(HclMarks.Sensitive);
            outputs[name] = new OutputState(HclJson.ToJson(plain), HclJson.TypeToJson(plain.Type), isSensitive);
        }
        if (_walk.Diagnostics.Count > before && _diagnostics.Count == 0)
        {
            // Output errors after a failed step are consequences of that failure; report them only otherwise.
            _diagnostics.AddRange(_walk.Diagnostics.Skip(before).Where(d => d.IsError));
        }
    }

    private static bool Compatible(HclValue saved, HclValue fresh)
    {
        if (!saved.IsKnown)
            return true;
        if (saved.IsWhollyKnown)
            return saved.RawEquals(fresh);
        if (saved.IsNull || fresh.IsNull || !fresh.IsKnown)
            return saved.IsNull == fresh.IsNull;
        if (saved.Type.IsObject && fresh.Type.IsObject)
        {
            foreach (var (name, sv) in saved.Attributes)
            {
                if (!fresh.Type.HasAttribute(name) || !Compatible(sv, fresh.GetAttribute(name)))
                    return false;
            }
            return true;
        }
        return true;
    }

    private static DiagnosticList Translate(IReadOnlyList<ProviderDiagnostic> found, ResourceInstanceChange c)
    {
        var diags = new DiagnosticList();
        foreach (var d in found)
            diags.Add(new Diagnostic(d.Severity, d.Summary, (d.Detail.Length > 0 ? d.Detail + "\n\n" : "") + $"with {c.Address}"));
        return diags;
    }

    private static DiagnosticList Diag(string summary, string detail = "")
    {
        var d = new DiagnosticList();
        d.Error(summary, detail);
        return d;
    }
}
