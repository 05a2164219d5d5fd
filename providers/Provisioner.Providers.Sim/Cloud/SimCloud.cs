namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// The simulated cloud API, as one client sees it. Its inventory is durable and shared: several
/// <see cref="SimCloud"/> instances (in one process or several) on the same directory see each other's writes.
/// </summary>
/// <remarks>
/// <para>Every call first waits <see cref="SimCloudOptions.Latency"/> ± <see cref="SimCloudOptions.Jitter"/> on the
/// injected <see cref="TimeProvider"/>, then may fail with a retriable error at
/// <see cref="SimCloudOptions.TransientErrorRate"/>. Mutations honour idempotency tokens: a token already seen
/// returns the first request's object and changes nothing. Creates beyond <see cref="SimCloudOptions.Capacity"/>
/// fail. Describe calls do not see machines younger than <see cref="SimCloudOptions.ConsistencyDelay"/>; mutations
/// see everything.</para>
/// <para>Thread-safe. Latency is waited outside the lock, so concurrent calls overlap as they would against a real
/// cloud.</para>
/// </remarks>
public sealed partial class SimCloud : IDisposable
{
    private readonly object _gate = new();
    private readonly InventoryLog _log;
    private readonly InventoryModel _model = new();
    private readonly Random _random;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if needed) the inventory in <paramref name="directory"/>.</summary>
    public SimCloud(string directory, SimCloudOptions options, TimeProvider time)
        : this(directory, options, time, create: true)
    {
    }

    private SimCloud(string directory, SimCloudOptions options, TimeProvider time, bool create)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _time = time;
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
        _log = new InventoryLog(Path.GetFullPath(directory), create);
    }

    /// <summary>Opens an existing inventory for reading (no knobs); false when <paramref name="directory"/> holds none.</summary>
    public static bool TryOpenExisting(string directory, out SimCloud? cloud)
    {
        cloud = null;
        if (!File.Exists(Path.Combine(directory, InventoryLog.LogFileName)))
            return false;
        cloud = new SimCloud(directory, SimCloudOptions.Default, TimeProvider.System, create: false);
        return true;
    }

    public SimCloudOptions Options { get; }

    public string Directory => _log.Directory;

    // ------------------------------------------------------------------ networks

    public async Task<SimResponse<SimNetwork>> CreateNetworkAsync(string token, NetworkSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimNetwork>.Fail(Throttled);
        if (Ipv4Cidr.TryParse(spec.Cidr, out var why) is null)
            return SimResponse<SimNetwork>.Fail(new SimError(SimErrorCodes.InvalidParameter, why, Field: "cidr"));
        return Mutate(ct, fault, token, "create", "network", m =>
        {
            var now = _time.GetUtcNow();
            var n = new SimNetwork(m.NextNetworkId(), spec.Name, spec.Cidr, now);
            return (new InventoryRecord("create", "network", n.Id, token, now, Network: n), null);
        }, r => r.Network!, (m, id) => m.Networks.GetValueOrDefault(id));
    }

    public async Task<SimResponse<SimNetwork>> UpdateNetworkAsync(string id, string token, NetworkSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimNetwork>.Fail(Throttled);
        return Mutate(ct, fault, token, "update", "network", m =>
        {
            if (!m.Networks.TryGetValue(id, out var old))
                return (null, NotFound(id));
            if (old.Cidr != spec.Cidr)
                return (null, new SimError(SimErrorCodes.InvalidParameter, "The CIDR block of a network cannot be changed.", Field: "cidr"));
            var now = _time.GetUtcNow();
            var n = old with { Name = spec.Name };
            return (new InventoryRecord("update", "network", id, token, now, Network: n), null);
        }, r => r.Network!, (m, i) => m.Networks.GetValueOrDefault(i));
    }

    public async Task<SimResponse<bool>> DeleteNetworkAsync(string id, string token, CancellationToken ct)
    {
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<bool>.Fail(Throttled);
        return Mutate(ct, fault, token, "delete", "network", m =>
        {
            if (!m.Networks.ContainsKey(id))
                return (null, NotFound(id));
            if (m.MachinesOn(id) is var count and > 0)
                return (null, new SimError(SimErrorCodes.DependencyViolation, $"Network {id} still has {count} machine(s) attached."));
            return (new InventoryRecord("delete", "network", id, token, _time.GetUtcNow()), null);
        }, _ => true, (_, _) => true);
    }

    // ------------------------------------------------------------------ machines

    public async Task<SimResponse<SimMachine>> CreateMachineAsync(string token, MachineSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimMachine>.Fail(Throttled);
        return Mutate(ct, fault, token, "create", "machine", m =>
        {
            if (spec.NetworkId is { } net && !m.Networks.ContainsKey(net))
                return (null, new SimError(SimErrorCodes.NotFound, $"Network {net} does not exist.", Field: "network_id"));
            if (Options.Capacity is { } cap && m.Machines.Count >= cap)
                return (null, new SimError(SimErrorCodes.InsufficientCapacity,
                    $"The simulated cloud is at capacity: {m.Machines.Count} of {cap} machines exist."));
            var address = m.AllocateAddress(spec.NetworkId);
            if (address is null)
                return (null, new SimError(SimErrorCodes.AddressSpaceExhausted, "No free address is left in the network.", Field: "network_id"));
            var now = _time.GetUtcNow();
            var machine = new SimMachine(m.NextMachineId(), spec.Name, spec.Image, spec.Size, spec.Zone, spec.NetworkId,
                Sorted(spec.Labels), address, now);
            return (new InventoryRecord("create", "machine", machine.Id, token, now, Machine: machine), null);
        }, r => r.Machine!, (m, id) => m.Machines.GetValueOrDefault(id));
    }

    /// <summary>Updates name, image, size and labels; zone and network are fixed at creation.</summary>
    public async Task<SimResponse<SimMachine>> UpdateMachineAsync(string id, string token, MachineSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimMachine>.Fail(Throttled);
        return Mutate(ct, fault, token, "update", "machine", m =>
        {
            if (!m.Machines.TryGetValue(id, out var old))
                return (null, NotFound(id));
            if (old.Zone != spec.Zone)
                return (null, new SimError(SimErrorCodes.InvalidParameter, "The zone of a machine cannot be changed.", Field: "zone"));
            if (old.NetworkId != spec.NetworkId)
                return (null, new SimError(SimErrorCodes.InvalidParameter, "The network of a machine cannot be changed.", Field: "network_id"));
            var machine = old with { Name = spec.Name, Image = spec.Image, Size = spec.Size, Labels = Sorted(spec.Labels) };
            return (new InventoryRecord("update", "machine", id, token, _time.GetUtcNow(), Machine: machine), null);
        }, r => r.Machine!, (m, i) => m.Machines.GetValueOrDefault(i));
    }

    public async Task<SimResponse<bool>> DeleteMachineAsync(string id, string token, CancellationToken ct)
    {
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<bool>.Fail(Throttled);
        return Mutate(ct, fault, token, "delete", "machine", m =>
            m.Machines.ContainsKey(id)
                ? (new InventoryRecord("delete", "machine", id, token, _time.GetUtcNow()), null)
                : (null, NotFound(id)),
            _ => true, (_, _) => true);
    }

    // ------------------------------------------------------------------ reads

    /// <summary>One describe call for any number of machine and network ids: one latency, one possible error.
    /// Ids that do not exist (or are not yet visible) are left out of the answer.</summary>
    public async Task<SimResponse<SimDescribeResult>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (await CallAsync(ct).ConfigureAwait(false) != Fault.None)
            return SimResponse<SimDescribeResult>.Fail(Throttled);
        var machines = new Dictionary<string, SimMachine>(StringComparer.Ordinal);
        var networks = new Dictionary<string, SimNetwork>(StringComparer.Ordinal);
        lock (_gate)
        {
            using (_log.Lock(ct))
                _log.ReadNew(_model.Apply);
            var visibleBefore = _time.GetUtcNow() - Options.ConsistencyDelay;
            foreach (var id in ids)
            {
                if (_model.Machines.TryGetValue(id, out var m))
                {
                    if (Options.ConsistencyDelay <= TimeSpan.Zero || m.CreatedAt <= visibleBefore)
                        machines[id] = m;
                }
                else if (_model.Networks.TryGetValue(id, out var n))
                {
                    networks[id] = n;
                }
            }
        }
        return SimResponse<SimDescribeResult>.Ok(new SimDescribeResult(machines, networks));
    }

    /// <summary>What the request with <paramref name="token"/> did, or null when the cloud never saw it.</summary>
    public async Task<SimResponse<SimOperation?>> GetOperationAsync(string token, CancellationToken ct)
    {
        if (await CallAsync(ct).ConfigureAwait(false) != Fault.None)
            return SimResponse<SimOperation?>.Fail(Throttled);
        lock (_gate)
        {
            using (_log.Lock(ct))
                _log.ReadNew(_model.Apply);
            if (!_model.Tokens.TryGetValue(token, out var op))
                return SimResponse<SimOperation?>.Ok(null);
            return SimResponse<SimOperation?>.Ok(new SimOperation(op.Op, op.Kind, op.Id,
                _model.Machines.GetValueOrDefault(op.Id), _model.Networks.GetValueOrDefault(op.Id)));
        }
    }

    /// <summary>The public image called <paramref name="name"/>. Every name exists; its id is a stable hash of the name.</summary>
    public async Task<SimResponse<string>> DescribeImageAsync(string name, CancellationToken ct)
    {
        if (await CallAsync(ct).ConfigureAwait(false) != Fault.None)
            return SimResponse<string>.Fail(Throttled);
        return SimResponse<string>.Ok(ImageId(name));
    }

    /// <summary><c>img-</c> + the first 12 hex digits of the SHA-256 of the name.</summary>
    public static string ImageId(string name) =>
        "img-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..12];

    /// <summary>The whole inventory as it is now (the cloud-side truth: no latency, errors or consistency delay).</summary>
    public InventorySnapshot Snapshot(CancellationToken ct = default)
    {
        lock (_gate)
        {
            using (_log.Lock(ct))
                _log.ReadNew(_model.Apply);
            return new InventorySnapshot(
                [.. _model.Machines.Values.OrderBy(m => m.Id, StringComparer.Ordinal)],
                [.. _model.Networks.Values.OrderBy(n => n.Id, StringComparer.Ordinal)],
                _log.SkippedLines)
            {
                LoadBalancers = [.. _model.LoadBalancers.Values.OrderBy(l => l.Id, StringComparer.Ordinal)],
            };
        }
    }

    public void Dispose() => _log.Dispose();

    // ------------------------------------------------------------------ plumbing

    private static readonly SimError Throttled = new(SimErrorCodes.Throttled, "Request rate exceeded; retry later.", Retriable: true);

    private static readonly SimError Unavailable = new(SimErrorCodes.ServiceUnavailable, "The service did not answer in time.", Retriable: true);

    /// <summary>Where a transient failure strikes: not at all, before the request takes effect, or after (the answer
    /// is lost, the change is not; only mutations can fail after).</summary>
    private enum Fault
    {
        None,
        Before,
        After,
    }

    /// <summary>Pays the call's latency and draws whether (and where) it fails transiently.</summary>
    private async Task<Fault> CallAsync(CancellationToken ct)
    {
        var delay = Options.Latency;
        var fault = Fault.None;
        if (Options.Jitter > TimeSpan.Zero || Options.TransientErrorRate > 0)
        {
            // Only the randomness needs the lock; without jitter or errors, calls do not contend here.
            lock (_gate)
            {
                if (Options.Jitter > TimeSpan.Zero)
                    delay += Options.Jitter * ((_random.NextDouble() * 2) - 1);
                if (Options.TransientErrorRate > 0 && _random.NextDouble() < Options.TransientErrorRate)
                    fault = _random.Next(2) == 0 ? Fault.Before : Fault.After;
            }
        }
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        return fault;
    }

    /// <summary>
    /// A mutation under the inventory lock: an already-seen token answers with the first request's object;
    /// otherwise <paramref name="decide"/> yields a record to append (or an error). A transient
    /// failure may strike after the mutation took effect (<see cref="Fault.After"/>): the answer is lost, the change is not.
    /// </summary>
    private SimResponse<T> Mutate<T>(
        CancellationToken ct, Fault fault, string token, string op, string kind,
        Func<InventoryModel, (InventoryRecord? Record, SimError? Error)> decide,
        Func<InventoryRecord, T> answer,
        Func<InventoryModel, string, T?> current)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        lock (_gate)
        {
            T value;
            using (_log.Lock(ct))
            {
                _log.ReadNew(_model.Apply);
                if (_model.Tokens.TryGetValue(token, out var seen))
                {
                    if (seen.Op != op || seen.Kind != kind)
                        return SimResponse<T>.Fail(new SimError(SimErrorCodes.IdempotencyMismatch,
                            $"Token {token} was used for a {seen.Op} of {seen.Kind} {seen.Id}."));
                    var now = current(_model, seen.Id);
                    if (now is null)
                        return SimResponse<T>.Fail(new SimError(SimErrorCodes.NotFound,
                            $"The {kind} {seen.Id} created with token {token} no longer exists."));
                    return fault == Fault.After ? SimResponse<T>.Fail(Unavailable) : SimResponse<T>.Ok(now);
                }
                var (record, error) = decide(_model);
                if (error is not null)
                    return SimResponse<T>.Fail(error);
                _log.Append(record!);
                _model.Apply(record!);
                ClusterSimulation.AfterInventoryChange(Directory, record!, _model, _time);
                value = answer(record!);
            }
            return fault == Fault.After ? SimResponse<T>.Fail(Unavailable) : SimResponse<T>.Ok(value);
        }
    }

    private static SimError NotFound(string id) => new(SimErrorCodes.NotFound, $"{id} does not exist.");

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> labels) =>
        new(labels.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
}
