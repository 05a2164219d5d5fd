using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Sim;

/// <summary><c>sim_node_pool</c> (one machine per node), <c>sim_load_balancer</c> and <c>sim_load_balancer_target</c>.</summary>
public sealed partial class SimProvider
{
    private static readonly string[] Roles = ["etcd", "controlplane", "worker"];

    private static void ValidatePoolTypes(string typeName, HclValue config, List<ProviderDiagnostic> diags)
    {
        switch (typeName)
        {
            case SimPoolSchemas.NodePool:
                RequireName(config, diags);
                if (SimValues.Str(config, "size") is { } size && !SimSchemas.Sizes.Contains(size, StringComparer.Ordinal))
                    diags.Add(ProviderDiagnostic.Error("Unknown machine size",
                        $"\"{size}\" is not a size of the simulated cloud; use one of {string.Join(", ", SimSchemas.Sizes)}.", AttributePath.Attr("size")));
                if (config.Type.HasAttribute("roles") && config.GetAttribute("roles") is { IsWhollyKnown: true, IsNull: false } roles)
                {
                    if (roles.Elements.Count == 0)
                        diags.Add(ProviderDiagnostic.Error("Invalid roles", "A node pool needs at least one role: etcd, controlplane or worker.", AttributePath.Attr("roles")));
                    foreach (var r in roles.Elements)
                    {
                        if (r.IsNull || !Roles.Contains(r.AsString(), StringComparer.Ordinal))
                            diags.Add(ProviderDiagnostic.Error("Invalid role", $"Roles are etcd, controlplane and worker, not {(r.IsNull ? "null" : $"\"{r.AsString()}\"")}.", AttributePath.Attr("roles")));
                    }
                }
                ValidateFailures(config, diags);
                break;
            case SimPoolSchemas.LoadBalancer:
                RequireName(config, diags);
                if (config.Type.HasAttribute("listener") && config.GetAttribute("listener") is { IsWhollyKnown: true, IsNull: false } listeners)
                {
                    foreach (var l in listeners.Elements)
                    {
                        foreach (var p in new[] { "port", "target_port" })
                        {
                            var v = l.GetAttribute(p);
                            if (!v.IsNull && (!v.AsNumber().TryToLong(out var n) || n < 1 || n > 65535))
                                diags.Add(ProviderDiagnostic.Error("Invalid port", $"listener {p} must be a port number from 1 to 65535.", AttributePath.Attr("listener")));
                        }
                    }
                }
                break;
            default:
                break;
        }
    }

    private async Task<ApplyResult> ApplyPoolTypeAsync(ApplyRequest request, ResourceSchema schema, CancellationToken ct)
    {
        var cloud = _cloud!;
        var type = schema.Block.ImpliedType();
        var prior = request.PriorState;
        var planned = request.PlannedState;
        var token = request.IdempotencyToken;
        var id = SimValues.Str(prior, "id");
        switch (request.TypeName)
        {
            case SimPoolSchemas.NodePool:
            {
                if (planned.IsNull)
                {
                    if (id is null)
                        return new ApplyResult(HclValue.NullOf(type), null, []);
                    var deleted = await CallAsync(c => cloud.DeleteMachineAsync(id, token, c), ct).ConfigureAwait(false);
                    return deleted.Error is null or { Code: SimErrorCodes.NotFound }
                        ? new ApplyResult(HclValue.NullOf(type), null, [])
                        : new ApplyResult(prior, null, [Diagnostic($"delete node {SimValues.Str(prior, "node_name")} ({id})", deleted.Error, deleted.Attempts)]);
                }
                var spec = new MachineSpec(SimValues.Str(planned, "node_name") ?? SimValues.Str(planned, "name") ?? "",
                    SimValues.Str(planned, "image"), SimValues.Str(planned, "size") ?? SimSchemas.DefaultSize,
                    SimValues.Str(planned, "zone") ?? SimSchemas.DefaultZone, SimValues.Str(planned, "network_id"), SimValues.Labels(planned));
                var r = id is null
                    ? await CallAsync(c => cloud.CreateMachineAsync(token, spec, c), ct).ConfigureAwait(false)
                    : await CallAsync(c => cloud.UpdateMachineAsync(id, token, spec, c), ct).ConfigureAwait(false);
                if (r.Error is null)
                    ArmFailures(prior, planned, spec.Name, r.Value!.Id, ct);
                // A machine created now is alive (ids are never reused); an updated one may have died.
                return r.Error is null
                    ? new ApplyResult(NodeValue(planned, r.Value!, id is null || !IsDead(r.Value!.Id, ct)), null, [])
                    : new ApplyResult(prior, null, [Diagnostic(id is null ? $"create node {spec.Name}" : $"update node {spec.Name} ({id})", r.Error, r.Attempts)]);
            }
            case SimPoolSchemas.LoadBalancer:
            {
                if (planned.IsNull)
                {
                    if (id is null)
                        return new ApplyResult(HclValue.NullOf(type), null, []);
                    var deleted = await CallAsync(c => cloud.DeleteLoadBalancerAsync(id, token, c), ct).ConfigureAwait(false);
                    return deleted.Error is null or { Code: SimErrorCodes.NotFound }
                        ? new ApplyResult(HclValue.NullOf(type), null, [])
                        : new ApplyResult(prior, null, [Diagnostic($"delete load balancer {id}", deleted.Error, deleted.Attempts)]);
                }
                var spec = LoadBalancerSpecOf(planned);
                var r = id is null
                    ? await CallAsync(c => cloud.CreateLoadBalancerAsync(token, spec, c), ct).ConfigureAwait(false)
                    : await CallAsync(c => cloud.UpdateLoadBalancerAsync(id, token, spec, c), ct).ConfigureAwait(false);
                return r.Error is null
                    ? new ApplyResult(LoadBalancerValue(planned, r.Value!), null, [])
                    : new ApplyResult(prior, null, [Diagnostic(id is null ? $"create load balancer {spec.Name}" : $"update load balancer {id}", r.Error, r.Attempts)]);
            }
            default:
            {
                var basis = planned.IsNull ? prior : planned;
                var lbId = Nested(basis, "parent", "id");
                var nodeName = Nested(basis, "node", "name");
                if (lbId is null || nodeName is null)
                    return new ApplyResult(prior, null, [ProviderDiagnostic.Error("Target not known",
                        "The load balancer id and the node name must be known when a target is registered or deregistered.")]);
                if (planned.IsNull)
                {
                    var deleted = await CallAsync(c => cloud.DeregisterTargetAsync(lbId, nodeName, token, c), ct).ConfigureAwait(false);
                    return deleted.Error is null or { Code: SimErrorCodes.NotFound }
                        ? new ApplyResult(HclValue.NullOf(type), null, [])
                        : new ApplyResult(prior, null, [Diagnostic($"deregister {nodeName} from {lbId}", deleted.Error, deleted.Attempts)]);
                }
                var machineId = Nested(planned, "node", "id");
                if (machineId is null)
                    return new ApplyResult(prior, null, [ProviderDiagnostic.Error("Node machine not known", $"Node {nodeName} has no machine id yet: its machine must exist before it is registered.")]);
                var r = await CallAsync(c => cloud.RegisterTargetAsync(lbId, nodeName, machineId, token, c), ct).ConfigureAwait(false);
                return r.Error is null
                    ? new ApplyResult(TargetValue(planned, lbId, r.Value!), null, [])
                    : new ApplyResult(prior, null, [Diagnostic($"register {nodeName} with {lbId}", r.Error, r.Attempts)]);
            }
        }
    }

    /// <summary>Fills the results of load balancer and target reads (one describe call for all of them).</summary>
    private async Task ReadLoadBalancersAsync(IReadOnlyList<ReadRequest> requests, ReadResult?[] results, CancellationToken ct)
    {
        var cloud = _cloud!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var lbId = r.TypeName switch
            {
                SimPoolSchemas.LoadBalancer => SimValues.Str(r.CurrentState, "id"),
                SimPoolSchemas.LoadBalancerTarget => Nested(r.CurrentState, "parent", "id"),
                _ => null,
            };
            if (lbId is not null)
                ids.Add(lbId);
            else if (r.TypeName is SimPoolSchemas.LoadBalancer or SimPoolSchemas.LoadBalancerTarget)
                results[i] = new ReadResult(r.CurrentState, r.Private, []);
        }
        if (ids.Count == 0)
            return;
        var d = await CallAsync(c => cloud.DescribeLoadBalancersAsync(ids, c), ct).ConfigureAwait(false);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            if (results[i] is not null || r.TypeName is not (SimPoolSchemas.LoadBalancer or SimPoolSchemas.LoadBalancerTarget))
                continue;
            if (d.Error is not null)
            {
                results[i] = new ReadResult(r.CurrentState, r.Private, [Diagnostic("describe load balancers", d.Error, d.Attempts)]);
                continue;
            }
            var gone = HclValue.NullOf(r.CurrentState.Type);
            if (r.TypeName == SimPoolSchemas.LoadBalancer)
            {
                results[i] = new ReadResult(d.Value!.TryGetValue(SimValues.Str(r.CurrentState, "id")!, out var lb) ? LoadBalancerValue(r.CurrentState, lb) : gone, r.Private, []);
                continue;
            }
            var lbId = Nested(r.CurrentState, "parent", "id")!;
            var nodeName = Nested(r.CurrentState, "node", "name");
            var target = nodeName is not null && d.Value!.TryGetValue(lbId, out var owner) ? owner.Target(nodeName) : null;
            results[i] = new ReadResult(target is null ? gone : TargetValue(r.CurrentState, lbId, target), r.Private, []);
        }
    }

    private async Task<RecoverResult> RecoverPoolTypeAsync(RecoverRequest request, SimOperation op, HclValue gone, CancellationToken ct)
    {
        if (op.Op is "delete" or "deregister")
            return new RecoverResult(RecoverOutcome.Completed, gone, null, []);
        if (request.TypeName == SimPoolSchemas.NodePool)
            return new RecoverResult(RecoverOutcome.Completed, op.Machine is { } m ? NodeValue(request.PlannedState, m, !IsDead(m.Id, ct)) : gone, null, []);
        var cloud = _cloud!;
        var d = await CallAsync(c => cloud.DescribeLoadBalancersAsync([op.Id], c), ct).ConfigureAwait(false);
        if (d.Error is not null)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, [Diagnostic("describe load balancers", d.Error, d.Attempts)]);
        if (!d.Value!.TryGetValue(op.Id, out var lb))
            return new RecoverResult(RecoverOutcome.Completed, gone, null, []);
        if (request.TypeName == SimPoolSchemas.LoadBalancer)
            return new RecoverResult(RecoverOutcome.Completed, LoadBalancerValue(request.PlannedState, lb), null, []);
        var nodeName = Nested(request.PlannedState, "node", "name");
        var target = nodeName is null ? null : lb.Target(nodeName);
        return new RecoverResult(RecoverOutcome.Completed, target is null ? gone : TargetValue(request.PlannedState, op.Id, target), null, []);
    }

    /// <summary>Whether one machine died (a lookup under the inventory lock: for single applies, not refresh batches).</summary>
    private bool IsDead(string machineId, CancellationToken ct) =>
        ClusterSimulation.DeadAmong(_cloud!.Directory, [machineId], _time, ct).Count > 0;

    /// <summary>A node's value: the basis (planned or recorded) with what the machine says; <paramref name="ready"/>:
    /// the machine runs (not killed, see <see cref="NodeSoftwareKnobs.Kill"/>).</summary>
    private HclValue NodeValue(HclValue basis, SimMachine m, bool ready)
    {
        var labelsNull = SimValues.IsNullAttr(basis, "labels") && m.Labels.Count == 0;
        var dir = _settings?.InventoryDir ?? _cloud!.Directory;
        return With(basis,
            ("id", HclValue.String(m.Id)),
            ("image", m.Image is null ? HclValue.NullOf(HclType.String) : HclValue.String(m.Image)),
            ("size", HclValue.String(m.Size)),
            ("zone", HclValue.String(m.Zone)),
            ("network_id", m.NetworkId is null ? HclValue.NullOf(HclType.String) : HclValue.String(m.NetworkId)),
            ("labels", labelsNull ? HclValue.NullOf(HclType.Map(HclType.String))
                : HclValue.MapOf(HclType.String, m.Labels.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, HclValue.String(kv.Value))))),
            ("address", HclValue.String(m.Address)),
            ("internal_address", HclValue.String(m.Address)),
            ("host_key", HclValue.String(NodeSoftwareHostKeys.For(m.Id))),
            ("ready", HclValue.Bool(ready)),
            ("bootstrap", HclValue.String(NodeSoftwareAddress.UriOf(dir, m.Id))),
            ("created_at", HclValue.String(SimValues.FormatTime(m.CreatedAt))));
    }

    private static HclValue LoadBalancerValue(HclValue basis, SimLoadBalancer lb) => With(basis,
        ("id", HclValue.String(lb.Id)),
        ("name", HclValue.String(lb.Name)),
        ("address", HclValue.String(lb.Address)),
        ("dns_name", HclValue.String(lb.DnsName)));

    private static HclValue TargetValue(HclValue basis, string lbId, SimLbTarget target) => With(basis,
        ("id", HclValue.String(lbId + "/" + target.NodeName)),
        ("address", HclValue.String(target.Address)));

    private static LoadBalancerSpec LoadBalancerSpecOf(HclValue planned)
    {
        var listeners = new List<SimListener>();
        if (planned.Type.HasAttribute("listener") && planned.GetAttribute("listener") is { IsNull: false } ls)
        {
            foreach (var l in ls.Elements)
                listeners.Add(new SimListener(Int(l, "port") ?? 0, Int(l, "target_port") ?? 0));
        }
        SimHealthCheck? health = null;
        if (planned.Type.HasAttribute("health_check") && planned.GetAttribute("health_check") is { IsNull: false } h)
            health = new SimHealthCheck(Int(h, "port") ?? 0, Int(h, "interval") ?? 10);
        return new LoadBalancerSpec(SimValues.Str(planned, "name") ?? "", listeners, health);
    }

    private static int? Int(HclValue obj, string name)
    {
        var v = obj.GetAttribute(name);
        return v.IsKnown && !v.IsNull && v.AsNumber().TryToLong(out var n) ? (int)n : null;
    }

    private static string? Nested(HclValue obj, string outer, string inner)
    {
        if (obj.IsNull || !obj.IsKnown || !obj.Type.HasAttribute(outer))
            return null;
        var o = obj.GetAttribute(outer).UnmarkDeep().Value;
        return o.IsKnown && !o.IsNull && o.Type.IsObject ? SimValues.Str(o, inner) : null;
    }

    private static HclValue With(HclValue basis, params (string Name, HclValue Value)[] values)
    {
        var (plain, marks) = basis.Unmark();
        var attrs = new Dictionary<string, HclValue>(plain.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (attrs.ContainsKey(name))
                attrs[name] = value;
        }
        return HclValue.Object(attrs).WithMarks(marks);
    }
}
