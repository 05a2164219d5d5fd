using System.Globalization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Load balancers and their targets.</summary>
public sealed partial class SimCloud
{
    public async Task<SimResponse<SimLoadBalancer>> CreateLoadBalancerAsync(string token, LoadBalancerSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimLoadBalancer>.Fail(Throttled);
        return Mutate(ct, fault, token, "create", "load_balancer", m =>
        {
            var now = _time.GetUtcNow();
            var id = m.NextLoadBalancerId();
            var n = long.Parse(id.AsSpan(3), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var address = string.Create(CultureInfo.InvariantCulture, $"172.{16 + ((n >> 16) & 0xf)}.{(n >> 8) & 0xff}.{n & 0xff}");
            var lb = new SimLoadBalancer(id, spec.Name, spec.Listeners, spec.HealthCheck, address, $"{spec.Name}-{id}.lb.sim.internal", SimLbTargets.Empty, now);
            return (new InventoryRecord("create", "load_balancer", id, token, now, LoadBalancer: lb), null);
        }, r => r.LoadBalancer!, (m, id) => m.LoadBalancers.GetValueOrDefault(id));
    }

    /// <summary>Changes name, listeners and health check; targets stay.</summary>
    public async Task<SimResponse<SimLoadBalancer>> UpdateLoadBalancerAsync(string id, string token, LoadBalancerSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimLoadBalancer>.Fail(Throttled);
        return Mutate(ct, fault, token, "update", "load_balancer", m =>
        {
            if (!m.LoadBalancers.TryGetValue(id, out var old))
                return (null, NotFound(id));
            // The record carries the load balancer without its targets (they stay): an update is O(1), not O(targets).
            var lb = old with { Name = spec.Name, Listeners = spec.Listeners, HealthCheck = spec.HealthCheck, Targets = SimLbTargets.Empty };
            return (new InventoryRecord("update", "load_balancer", id, token, _time.GetUtcNow(), LoadBalancer: lb), null);
        }, _ => _model.LoadBalancers[id], (m, i) => m.LoadBalancers.GetValueOrDefault(i));
    }

    /// <summary>Deletes a load balancer; refused while targets are registered (deregister them first).</summary>
    public async Task<SimResponse<bool>> DeleteLoadBalancerAsync(string id, string token, CancellationToken ct)
    {
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<bool>.Fail(Throttled);
        return Mutate(ct, fault, token, "delete", "load_balancer", m =>
        {
            if (!m.LoadBalancers.TryGetValue(id, out var lb))
                return (null, NotFound(id));
            if (lb.Targets.Count > 0)
                return (null, new SimError(SimErrorCodes.DependencyViolation, $"Load balancer {id} still has {lb.Targets.Count} target(s) registered."));
            return (new InventoryRecord("delete", "load_balancer", id, token, _time.GetUtcNow()), null);
        }, _ => true, (_, _) => true);
    }

    /// <summary>Registers a machine as a target under <paramref name="nodeName"/>; the machine must exist.</summary>
    public async Task<SimResponse<SimLbTarget>> RegisterTargetAsync(string lbId, string nodeName, string machineId, string token, CancellationToken ct)
    {
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<SimLbTarget>.Fail(Throttled);
        return Mutate(ct, fault, token, "register", "load_balancer", m =>
        {
            if (!m.LoadBalancers.ContainsKey(lbId))
                return (null, NotFound(lbId));
            if (!m.Machines.TryGetValue(machineId, out var machine))
                return (null, new SimError(SimErrorCodes.NotFound, $"Machine {machineId} (node {nodeName}) does not exist: a target's machine must exist before it is registered."));
            // The record carries this one target (O(1) bytes); the model puts it into the tree in O(log N).
            var target = new SimLbTarget(nodeName, machineId, machine.Address);
            return (new InventoryRecord("register", "load_balancer", lbId, token, _time.GetUtcNow(), Node: nodeName, Target: target), null);
        }, r => r.Target!, (m, id) => m.LoadBalancers.GetValueOrDefault(id)?.Target(nodeName));
    }

    /// <summary>Removes the target registered under <paramref name="nodeName"/> (absent already: NotFound).</summary>
    public async Task<SimResponse<bool>> DeregisterTargetAsync(string lbId, string nodeName, string token, CancellationToken ct)
    {
        var fault = await CallAsync(ct).ConfigureAwait(false);
        if (fault == Fault.Before)
            return SimResponse<bool>.Fail(Throttled);
        return Mutate(ct, fault, token, "deregister", "load_balancer", m =>
        {
            if (!m.LoadBalancers.TryGetValue(lbId, out var lb) || lb.Target(nodeName) is null)
                return (null, NotFound($"target {nodeName} of {lbId}"));
            return (new InventoryRecord("deregister", "load_balancer", lbId, token, _time.GetUtcNow(), Node: nodeName), null);
        }, _ => true, (_, _) => true);
    }

    /// <summary>Load balancers by id (missing ids are left out).</summary>
    public async Task<SimResponse<IReadOnlyDictionary<string, SimLoadBalancer>>> DescribeLoadBalancersAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (await CallAsync(ct).ConfigureAwait(false) != Fault.None)
            return SimResponse<IReadOnlyDictionary<string, SimLoadBalancer>>.Fail(Throttled);
        var result = new Dictionary<string, SimLoadBalancer>(StringComparer.Ordinal);
        lock (_gate)
        {
            using (_log.Lock(ct))
                _log.ReadNew(_model.Apply);
            foreach (var id in ids)
            {
                if (_model.LoadBalancers.TryGetValue(id, out var lb))
                    result[id] = lb;
            }
        }
        return SimResponse<IReadOnlyDictionary<string, SimLoadBalancer>>.Ok(result);
    }
}
