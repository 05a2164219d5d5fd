using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Sim;

/// <summary>
/// The <c>sim</c> provider: an honest client of the simulated cloud (<see cref="SimCloud"/>). It retries retriable
/// errors with exponential backoff (safe because every mutation carries the engine's idempotency token), waits out
/// the consistency delay when refreshing machines it knows are young, and reports cloud errors as diagnostics
/// pointing at the attribute concerned.
/// </summary>
public sealed partial class SimProvider : IProvider, IDisposable
{
    private static readonly TimeSpan BackoffBase = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(1);
    private const int MaxConsistencyPolls = 4;

    private readonly TimeProvider _time;
    private SimCloud? _cloud;
    private SimProviderSettings? _settings;

    internal SimProvider(TimeProvider time) => _time = time;

    public string Name => "sim";

    public ProviderLimits Limits { get; private set; } = ProviderLimits.Default;

    /// <summary>The cloud this provider talks to (after <see cref="ConfigureAsync"/>).</summary>
    internal SimCloud? Cloud => _cloud;

    public ProviderSchema GetSchema() => SimSchemas.Provider;

    public IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(HclValue config) =>
        SimProviderSettings.Parse(config, Directory.GetCurrentDirectory(), requireKnown: false).Diagnostics;

    public IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, HclValue config)
    {
        var diags = new List<ProviderDiagnostic>();
        switch (typeName)
        {
            case SimSchemas.Machine:
                RequireName(config, diags);
                if (SimValues.Str(config, "size") is { } size && !SimSchemas.Sizes.Contains(size, StringComparer.Ordinal))
                    diags.Add(ProviderDiagnostic.Error("Unknown machine size",
                        $"\"{size}\" is not a size of the simulated cloud; use one of {string.Join(", ", SimSchemas.Sizes)}.", AttributePath.Attr("size")));
                if (SimValues.Str(config, "zone") is { } zone && string.IsNullOrWhiteSpace(zone))
                    diags.Add(ProviderDiagnostic.Error("Invalid zone", "zone must not be empty.", AttributePath.Attr("zone")));
                if (SimValues.Str(config, "network_id") is { } net && string.IsNullOrWhiteSpace(net))
                    diags.Add(ProviderDiagnostic.Error("Invalid network_id", "network_id must not be empty; leave it out for the default pool.", AttributePath.Attr("network_id")));
                break;
            case SimPoolSchemas.NodePool:
            case SimPoolSchemas.LoadBalancer:
            case SimPoolSchemas.LoadBalancerTarget:
                ValidatePoolTypes(typeName, config, diags);
                break;
            case SimSchemas.Network:
                RequireName(config, diags);
                if (SimValues.Str(config, "cidr") is { } cidr && Ipv4Cidr.TryParse(cidr, out var why) is null)
                    diags.Add(ProviderDiagnostic.Error("Invalid CIDR block", why, AttributePath.Attr("cidr")));
                break;
            default:
                diags.Add(UnknownType(typeName, "resource"));
                break;
        }
        return diags;
    }

    public IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, HclValue config)
    {
        if (typeName != SimSchemas.Image)
            return [UnknownType(typeName, "data source")];
        var diags = new List<ProviderDiagnostic>();
        RequireName(config, diags);
        return diags;
    }

    public Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (settings, diags) = SimProviderSettings.Parse(request.Config, request.WorkingDirectory, requireKnown: true);
        if (settings is null)
            return Task.FromResult(diags);
        try
        {
            var cloud = new SimCloud(settings.InventoryDir, settings.Cloud, _time);
            _cloud?.Dispose();
            _cloud = cloud;
            _settings = settings;
            Limits = ProviderLimits.Default with { MaxConcurrentOperations = settings.MaxConcurrency, MaxBatchRead = 5000 };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<IReadOnlyList<ProviderDiagnostic>>([.. diags, ProviderDiagnostic.Error(
                "Cannot open the simulated cloud's inventory", $"{settings.InventoryDir}: {e.Message}", AttributePath.Attr("inventory_dir"))]);
        }
        return Task.FromResult(diags);
    }

    // ------------------------------------------------------------------ plan

    public Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SimSchemas.Provider.Resources.TryGetValue(request.TypeName, out var schema))
            return Task.FromResult(PlanResult.Failed(UnknownType(request.TypeName, "resource")));
        var type = schema.Block.ImpliedType();
        if (request.ProposedNewState.IsNull)
            return Task.FromResult(new PlanResult(HclValue.NullOf(type), [], null, []));
        var diags = ValidateResourceConfig(request.TypeName, request.ProposedNewState);
        if (diags.Any(d => d.IsError))
            return Task.FromResult(PlanResult.Failed([.. diags]));

        var (proposed, marks) = request.ProposedNewState.Unmark();
        var attrs = new Dictionary<string, HclValue>(proposed.Attributes, StringComparer.Ordinal);
        foreach (var (name, a) in schema.Block.Attributes)
        {
            if (!attrs.TryGetValue(name, out var v))
                attrs[name] = v = HclValue.NullOf(a.Type);
            if (v.IsNull && a.Default is { } d)
                attrs[name] = d;
        }
        var computed = schema.Block.Attributes.Where(a => a.Value.Computed && !a.Value.Optional).Select(a => a.Key).ToList();
        IReadOnlyList<AttributePath> replace = [];
        var prior = request.PriorState;
        if (prior.IsNull)
        {
            foreach (var name in computed)
                attrs[name] = HclValue.UnknownOf(schema.Block.Attributes[name].Type);
        }
        else
        {
            replace = ObjectChange.ForceNewChanges(schema.Block, prior, HclValue.Object(attrs));
            foreach (var name in computed)
            {
                attrs[name] = replace.Count > 0 || !prior.Type.HasAttribute(name)
                    ? HclValue.UnknownOf(schema.Block.Attributes[name].Type)
                    : prior.GetAttribute(name);
            }
        }
        var planned = HclValue.Object(attrs).WithMarks(marks);
        return Task.FromResult(new PlanResult(planned, replace, null, diags));
    }

    // ------------------------------------------------------------------ apply

    public async Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cloud is null)
            return new ApplyResult(request.PriorState, null, [NotConfigured()]);
        if (!SimSchemas.Provider.Resources.TryGetValue(request.TypeName, out var schema))
            return new ApplyResult(request.PriorState, null, [UnknownType(request.TypeName, "resource")]);
        if (request.TypeName is SimPoolSchemas.NodePool or SimPoolSchemas.LoadBalancer or SimPoolSchemas.LoadBalancerTarget)
            return await ApplyPoolTypeAsync(request, schema, ct).ConfigureAwait(false);
        var type = schema.Block.ImpliedType();
        var prior = request.PriorState;
        var planned = request.PlannedState;
        var token = request.IdempotencyToken;

        if (planned.IsNull)
        {
            var id = SimValues.Str(prior, "id");
            if (id is null)
                return new ApplyResult(HclValue.NullOf(type), null, []);
            var deleted = request.TypeName == SimSchemas.Machine
                ? await CallAsync(c => _cloud.DeleteMachineAsync(id, token, c), ct).ConfigureAwait(false)
                : await CallAsync(c => _cloud.DeleteNetworkAsync(id, token, c), ct).ConfigureAwait(false);
            // Already gone (deleted outside Provisioner, or by an earlier attempt) is what a delete wants.
            if (deleted.Error is { Code: SimErrorCodes.NotFound } || deleted.Error is null)
                return new ApplyResult(HclValue.NullOf(type), null, []);
            return new ApplyResult(prior, null, [Diagnostic($"delete {request.TypeName} {id}", deleted.Error, deleted.Attempts)]);
        }

        var unknown = schema.Block.Attributes.Keys
            .Where(n => !(schema.Block.Attributes[n].Computed && !schema.Block.Attributes[n].Optional) && SimValues.IsUnknown(planned, n))
            .ToList();
        if (unknown.Count > 0)
            return new ApplyResult(prior, null, [ProviderDiagnostic.Error("Planned value not known",
                $"{unknown[0]} must be known when the change is applied.", AttributePath.Attr(unknown[0]))]);

        if (!prior.IsNull && ObjectChange.ForceNewChanges(schema.Block, prior, planned) is { Count: > 0 } forced)
            return new ApplyResult(prior, null, [ProviderDiagnostic.Error("Cannot update in place",
                $"{forced[0]} cannot change on an existing {request.TypeName}; the change must be applied as a replacement (delete and create).", forced[0])]);

        var labelsNull = SimValues.IsNullAttr(planned, "labels");
        if (request.TypeName == SimSchemas.Machine)
        {
            var spec = SimValues.MachineSpecOf(planned);
            var id = SimValues.Str(prior, "id");
            var r = id is null
                ? await CallAsync(c => _cloud.CreateMachineAsync(token, spec, c), ct).ConfigureAwait(false)
                : await CallAsync(c => _cloud.UpdateMachineAsync(id, token, spec, c), ct).ConfigureAwait(false);
            return r.Error is null
                ? new ApplyResult(SimValues.MachineValue(r.Value!, labelsNull), null, [])
                : new ApplyResult(prior, null, [Diagnostic(id is null ? $"create {request.TypeName}" : $"update {request.TypeName} {id}", r.Error, r.Attempts)]);
        }
        else
        {
            var spec = SimValues.NetworkSpecOf(planned);
            var id = SimValues.Str(prior, "id");
            var r = id is null
                ? await CallAsync(c => _cloud.CreateNetworkAsync(token, spec, c), ct).ConfigureAwait(false)
                : await CallAsync(c => _cloud.UpdateNetworkAsync(id, token, spec, c), ct).ConfigureAwait(false);
            return r.Error is null
                ? new ApplyResult(SimValues.NetworkValue(r.Value!), null, [])
                : new ApplyResult(prior, null, [Diagnostic(id is null ? $"create {request.TypeName}" : $"update {request.TypeName} {id}", r.Error, r.Attempts)]);
        }
    }

    // ------------------------------------------------------------------ read

    public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct) =>
        (await ReadManyAsync([request], ct).ConfigureAwait(false))[0];

    /// <summary>One describe call for the whole batch; machines missing from the answer but younger than the
    /// consistency delay are asked for again once they must be visible, so the engine never mistakes "not yet
    /// visible" for "deleted".</summary>
    public async Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (_cloud is null)
            return [.. requests.Select(r => new ReadResult(r.CurrentState, r.Private, [NotConfigured()]))];
        var results = new ReadResult?[requests.Count];
        await ReadLoadBalancersAsync(requests, results, ct).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            if (results[i] is not null)
                continue;
            if (!SimSchemas.Provider.Resources.ContainsKey(r.TypeName))
                results[i] = new ReadResult(r.CurrentState, r.Private, [UnknownType(r.TypeName, "resource")]);
            else if (SimValues.Str(r.CurrentState, "id") is { } id)
                ids.Add(id);
            else
                results[i] = new ReadResult(r.CurrentState, r.Private, []);
        }
        var machines = new Dictionary<string, SimMachine>(StringComparer.Ordinal);
        var networks = new Dictionary<string, SimNetwork>(StringComparer.Ordinal);
        IReadOnlyCollection<string> ask = ids;
        for (var poll = 0; ask.Count > 0; poll++)
        {
            var d = await CallAsync(c => _cloud.DescribeAsync(ask, c), ct).ConfigureAwait(false);
            if (d.Error is not null)
            {
                var diag = Diagnostic("describe", d.Error, d.Attempts);
                for (var i = 0; i < requests.Count; i++)
                    results[i] ??= new ReadResult(requests[i].CurrentState, requests[i].Private, [diag]);
                return results!;
            }
            foreach (var (k, v) in d.Value!.Machines)
                machines[k] = v;
            foreach (var (k, v) in d.Value.Networks)
                networks[k] = v;
            if (poll >= MaxConsistencyPolls)
                break;
            var (pending, visibleAt) = YoungMissing(requests, machines, networks);
            if (pending.Count == 0)
                break;
            var wait = visibleAt - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            ask = pending;
        }
        // Which nodes' machines died: one look at the node software's log for the whole batch.
        var dead = DeadNodes(requests, results, machines, ct);
        for (var i = 0; i < requests.Count; i++)
        {
            if (results[i] is not null)
                continue;
            var r = requests[i];
            var id = SimValues.Str(r.CurrentState, "id")!;
            HclValue state;
            if (r.TypeName == SimPoolSchemas.NodePool)
                state = machines.TryGetValue(id, out var pm) ? NodeValue(r.CurrentState, pm, !dead.Contains(id)) : HclValue.NullOf(SimPoolSchemas.NodePoolResource.Block.ImpliedType());
            else if (r.TypeName == SimSchemas.Machine)
                state = machines.TryGetValue(id, out var m) ? SimValues.MachineValue(m, SimValues.IsNullAttr(r.CurrentState, "labels")) : HclValue.NullOf(SimSchemas.MachineResource.Block.ImpliedType());
            else
                state = networks.TryGetValue(id, out var n) ? SimValues.NetworkValue(n) : HclValue.NullOf(SimSchemas.NetworkResource.Block.ImpliedType());
            results[i] = new ReadResult(state, r.Private, []);
        }
        return results!;
    }

    /// <summary>The machine ids of the batch's nodes that died (empty when the batch has no node or nothing died).</summary>
    private HashSet<string> DeadNodes(IReadOnlyList<ReadRequest> requests, ReadResult?[] results, Dictionary<string, SimMachine> machines, CancellationToken ct)
    {
        var nodes = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (results[i] is null && requests[i].TypeName == SimPoolSchemas.NodePool && SimValues.Str(requests[i].CurrentState, "id") is { } id && machines.ContainsKey(id))
                nodes.Add(id);
        }
        return nodes.Count == 0 ? [] : ClusterSimulation.DeadAmong(_cloud!.Directory, nodes, _time, ct);
    }

    /// <summary>Machines the describe call did not return although their recorded <c>created_at</c> is within the
    /// consistency delay: they exist, the cloud just does not show them yet.</summary>
    private (List<string> Ids, DateTimeOffset VisibleAt) YoungMissing(
        IReadOnlyList<ReadRequest> requests, Dictionary<string, SimMachine> machines, Dictionary<string, SimNetwork> networks)
    {
        var delay = _settings!.Cloud.ConsistencyDelay;
        var pending = new List<string>();
        var visibleAt = DateTimeOffset.MinValue;
        if (delay <= TimeSpan.Zero)
            return (pending, visibleAt);
        var now = _time.GetUtcNow();
        foreach (var r in requests)
        {
            if (!SimPoolSchemas.IsMachineLike(r.TypeName) || SimValues.Str(r.CurrentState, "id") is not { } id || machines.ContainsKey(id) || networks.ContainsKey(id))
                continue;
            if (SimValues.ParseTime(SimValues.Str(r.CurrentState, "created_at")) is not { } created)
                continue;
            // created_at is truncated to milliseconds: the machine is visible one millisecond later at the latest.
            var at = created + delay + TimeSpan.FromMilliseconds(1);
            if (at > now)
            {
                pending.Add(id);
                if (at > visibleAt)
                    visibleAt = at;
            }
        }
        return (pending, visibleAt);
    }

    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cloud is null)
            return new ImportResult(null, null, [NotConfigured()]);
        if (!SimSchemas.Provider.Resources.ContainsKey(request.TypeName))
            return new ImportResult(null, null, [UnknownType(request.TypeName, "resource")]);
        if (request.TypeName is SimPoolSchemas.NodePool or SimPoolSchemas.LoadBalancer or SimPoolSchemas.LoadBalancerTarget)
            return new ImportResult(null, null, [ProviderDiagnostic.Error("Import not supported",
                $"{request.TypeName} cannot be imported: node pools choose their nodes' keys themselves, and load balancers are planned with their members.")]);
        var d = await CallAsync(c => _cloud.DescribeAsync([request.Id], c), ct).ConfigureAwait(false);
        if (d.Error is not null)
            return new ImportResult(null, null, [Diagnostic($"describe {request.Id}", d.Error, d.Attempts)]);
        HclValue? state = request.TypeName == SimSchemas.Machine
            ? d.Value!.Machines.TryGetValue(request.Id, out var m) ? SimValues.MachineValue(m, labelsNullWhenEmpty: true) : null
            : d.Value!.Networks.TryGetValue(request.Id, out var n) ? SimValues.NetworkValue(n) : null;
        if (state is null)
            return new ImportResult(null, null, [ProviderDiagnostic.Error("Cannot import non-existent remote object",
                $"The simulated cloud has no {request.TypeName} with id \"{request.Id}\" (a machine created moments ago may not be visible yet).")]);
        return new ImportResult(state, null, []);
    }

    public async Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = SimSchemas.ImageData.Block.ImpliedType();
        var diags = ValidateDataSourceConfig(request.TypeName, request.Config);
        if (diags.Any(d => d.IsError))
            return new ReadDataResult(HclValue.NullOf(type), diags);
        if (_cloud is null)
            return new ReadDataResult(HclValue.NullOf(type), [NotConfigured()]);
        var name = SimValues.Str(request.Config, "name");
        if (name is null)
            return new ReadDataResult(HclValue.NullOf(type), [ProviderDiagnostic.Error("Value not known", "name must be known to read sim_image.", AttributePath.Attr("name"))]);
        var r = await CallAsync(c => _cloud.DescribeImageAsync(name, c), ct).ConfigureAwait(false);
        return r.Error is null
            ? new ReadDataResult(SimValues.ImageValue(name, r.Value!), [])
            : new ReadDataResult(HclValue.NullOf(type), [Diagnostic($"describe image {name}", r.Error, r.Attempts)]);
    }

    /// <summary>Asks the cloud what the request with the token did: Completed with the object as it is now (null
    /// after a delete, or when it was deleted since), or NotApplied when the cloud never saw the token.</summary>
    public async Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cloud is null)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, [NotConfigured()]);
        if (!SimSchemas.Provider.Resources.TryGetValue(request.TypeName, out var schema))
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, [UnknownType(request.TypeName, "resource")]);
        var r = await CallAsync(c => _cloud.GetOperationAsync(request.IdempotencyToken, c), ct).ConfigureAwait(false);
        if (r.Error is not null)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, [Diagnostic("look up operation", r.Error, r.Attempts)]);
        if (r.Value is not { } op)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
        var kind = SimPoolSchemas.IsMachineLike(request.TypeName) ? "machine"
            : request.TypeName is SimPoolSchemas.LoadBalancer or SimPoolSchemas.LoadBalancerTarget ? "load_balancer" : "network";
        if (op.Kind != kind)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, [ProviderDiagnostic.Error("Idempotency token mismatch",
                $"Token {request.IdempotencyToken} was used for a {op.Op} of {op.Kind} {op.Id}, not for a {request.TypeName}.")]);
        var gone = HclValue.NullOf(schema.Block.ImpliedType());
        if (kind == "load_balancer" || request.TypeName == SimPoolSchemas.NodePool)
            return await RecoverPoolTypeAsync(request, op, gone, ct).ConfigureAwait(false);
        HclValue state = op.Op == "delete" ? gone
            : op.Machine is { } m ? SimValues.MachineValue(m, SimValues.IsNullAttr(request.PlannedState, "labels"))
            : op.Network is { } n ? SimValues.NetworkValue(n)
            : gone;
        return new RecoverResult(RecoverOutcome.Completed, state, null, []);
    }

    public void Dispose() => _cloud?.Dispose();

    // ------------------------------------------------------------------ plumbing

    /// <summary>Calls the cloud, retrying retriable errors up to <c>max_retries</c> times with exponential backoff.</summary>
    private async Task<(T? Value, SimError? Error, int Attempts)> CallAsync<T>(Func<CancellationToken, Task<SimResponse<T>>> call, CancellationToken ct)
    {
        var maxRetries = _settings?.MaxRetries ?? SimProviderSettings.DefaultMaxRetries;
        for (var attempt = 1; ; attempt++)
        {
            var r = await call(ct).ConfigureAwait(false);
            if (!r.IsError)
                return (r.Value, null, attempt);
            if (!r.Error!.Retriable || attempt > maxRetries)
                return (default, r.Error, attempt);
            var backoff = BackoffBase * Math.Pow(2, attempt - 1);
            await Task.Delay(backoff < BackoffCap ? backoff : BackoffCap, _time, ct).ConfigureAwait(false);
        }
    }

    private static ProviderDiagnostic Diagnostic(string what, SimError error, int attempts)
    {
        var path = error.Field is { } f ? AttributePath.Attr(f) : null;
        if (error.Retriable)
            return ProviderDiagnostic.Error($"sim: {what} failed after {attempts} attempts",
                $"The simulated cloud kept answering {error}. It fails calls at the provider's transient_error_rate; the call was retried with the same idempotency token.", path);
        var summary = error.Code switch
        {
            SimErrorCodes.InsufficientCapacity => "Insufficient capacity",
            SimErrorCodes.NotFound => "Object not found",
            SimErrorCodes.DependencyViolation => "Object still in use",
            _ => $"sim: {what} failed",
        };
        return ProviderDiagnostic.Error(summary, $"The simulated cloud answered {error} ({what}).", path);
    }

    private static void RequireName(HclValue config, List<ProviderDiagnostic> diags)
    {
        if (SimValues.Str(config, "name") is { } name && string.IsNullOrWhiteSpace(name))
            diags.Add(ProviderDiagnostic.Error("Invalid name", "name must not be empty.", AttributePath.Attr("name")));
    }

    private static ProviderDiagnostic UnknownType(string typeName, string what) =>
        ProviderDiagnostic.Error($"Unsupported {what} type", $"The sim provider has no {what} type \"{typeName}\".");

    private static ProviderDiagnostic NotConfigured() =>
        ProviderDiagnostic.Error("Provider not configured", "The sim provider was used before ConfigureAsync.");
}
