namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The simulated node software's log replayed into memory: etcd members, joined nodes, changes in flight,
/// incidents and failure knobs, for every cluster of one inventory.</summary>
internal sealed class ClusterModel
{
    internal sealed record Member(string Machine, DateTimeOffset AddedAt);

    internal sealed record Joined(string Machine, IReadOnlyList<string> Roles, string Version, bool ControlPlane, bool Cordoned, bool Drained, DateTimeOffset At);

    /// <summary>(cluster, node) → etcd member.</summary>
    public Dictionary<(string Cluster, string Node), Member> Members { get; } = [];

    /// <summary>(cluster, node) → joined node. Changed only through <see cref="Apply"/> (which keeps <see cref="NodesOn"/> in step).</summary>
    public Dictionary<(string Cluster, string Node), Joined> Nodes { get; } = [];

    /// <summary>machine → the (cluster, node) keys of <see cref="Nodes"/> on it: a machine's deletion checks its own
    /// nodes, not every joined node (O(1), not O(nodes), per deleted machine).</summary>
    private readonly Dictionary<string, HashSet<(string Cluster, string Node)>> _nodesByMachine = new(StringComparer.Ordinal);

    /// <summary>The joined nodes on <paramref name="machine"/>.</summary>
    public IEnumerable<KeyValuePair<(string Cluster, string Node), Joined>> NodesOn(string machine) =>
        _nodesByMachine.TryGetValue(machine, out var keys)
            ? keys.Select(k => new KeyValuePair<(string Cluster, string Node), Joined>(k, Nodes[k]))
            : [];

    /// <summary>(cluster, node) pairs whose control plane runs (set before the node joins).</summary>
    public HashSet<(string Cluster, string Node)> ControlPlanes { get; } = [];

    /// <summary>Machines with a container runtime installed.</summary>
    public HashSet<string> Runtimes { get; } = new(StringComparer.Ordinal);

    /// <summary>cluster → etcd changes begun and not finished: node → when it began.</summary>
    public Dictionary<string, Dictionary<string, DateTimeOffset>> EtcdInFlight { get; } = new(StringComparer.Ordinal);

    public List<ClusterIncident> Incidents { get; } = [];

    /// <summary>Clusters whose quorum is lost now (an incident was recorded when it was lost).</summary>
    public HashSet<string> QuorumLost { get; } = new(StringComparer.Ordinal);

    /// <summary>cluster → the load balancer in front of its API endpoint (as last seen by a join or control-plane start).</summary>
    public Dictionary<string, string> ApiLoadBalancers { get; } = new(StringComparer.Ordinal);

    /// <summary>Knob: node name → joins still to fail.</summary>
    public Dictionary<string, int> FailJoins { get; } = new(StringComparer.Ordinal);

    /// <summary>Knob: node name → how long a drain takes.</summary>
    public Dictionary<string, TimeSpan> SlowDrains { get; } = new(StringComparer.Ordinal);

    /// <summary>Knob: (node, knob op) → the key of the configuration that last set it (null: set through the API).</summary>
    public Dictionary<(string Node, string Op), string?> KnobKeys { get; } = [];

    /// <summary>Machines that died (NotReady, unreachable) while the cloud still lists them.</summary>
    public HashSet<string> Dead { get; } = new(StringComparer.Ordinal);

    public void Apply(ClusterRecord r)
    {
        var key = (r.Cluster, r.Node);
        if (r.LoadBalancer is { } apiLb)
            ApiLoadBalancers[r.Cluster] = apiLb;
        switch (r.Op)
        {
            case ClusterOps.Runtime:
                Runtimes.Add(r.Machine ?? "");
                break;
            case ClusterOps.EtcdBegin:
                if (!EtcdInFlight.TryGetValue(r.Cluster, out var flight))
                    EtcdInFlight[r.Cluster] = flight = new(StringComparer.Ordinal);
                flight[r.Node] = r.At;
                break;
            case ClusterOps.EtcdAdd:
                EndEtcdChange(r);
                Members[key] = new Member(r.Machine ?? "", r.At);
                break;
            case ClusterOps.EtcdRemove:
                EndEtcdChange(r);
                Members.Remove(key);
                break;
            case ClusterOps.EtcdAbort:
                EndEtcdChange(r);
                break;
            case ClusterOps.ControlPlane:
                ControlPlanes.Add(key);
                if (Nodes.TryGetValue(key, out var cpNode))
                    Nodes[key] = cpNode with { ControlPlane = true };
                break;
            case ClusterOps.Join:
                Unindex(key);
                Nodes[key] = new Joined(r.Machine ?? "", r.Roles ?? [], r.Version ?? "", ControlPlanes.Contains(key), false, false, r.At);
                if (!_nodesByMachine.TryGetValue(r.Machine ?? "", out var onMachine))
                    _nodesByMachine[r.Machine ?? ""] = onMachine = [];
                onMachine.Add(key);
                break;
            case ClusterOps.JoinFailed:
                if (FailJoins.TryGetValue(r.Node, out var left))
                    FailJoins[r.Node] = Math.Max(0, left - 1);
                break;
            case ClusterOps.Cordon:
                Update(key, n => n with { Cordoned = true });
                break;
            case ClusterOps.Drain:
                Update(key, n => n with { Cordoned = true, Drained = true });
                break;
            case ClusterOps.Uncordon:
                Update(key, n => n with { Cordoned = false, Drained = false });
                break;
            case ClusterOps.Upgrade:
                Update(key, n => n with { Version = r.Version ?? n.Version });
                break;
            case ClusterOps.Leave:
                Unindex(key);
                Nodes.Remove(key);
                ControlPlanes.Remove(key);
                break;
            case ClusterOps.Incident:
                Incidents.Add(new ClusterIncident(r.Incident ?? "", r.Cluster, r.Node, r.Machine, r.At, r.Detail ?? ""));
                if (r.Incident == ClusterIncidentKinds.QuorumLost)
                    QuorumLost.Add(r.Cluster);
                break;
            case ClusterOps.QuorumRestored:
                QuorumLost.Remove(r.Cluster);
                break;
            case ClusterOps.KnobFailJoin:
                FailJoins[r.Node] = r.Count ?? 0;
                KnobKeys[(r.Node, r.Op)] = r.Key;
                break;
            case ClusterOps.KnobSlowDrain:
                SlowDrains[r.Node] = TimeSpan.FromMilliseconds(r.DelayMs ?? 0);
                KnobKeys[(r.Node, r.Op)] = r.Key;
                break;
            case ClusterOps.Kill:
                Dead.Add(r.Machine ?? "");
                break;
            default:
                // An op written by a newer version: not ours to interpret.
                break;
        }
    }

    private void EndEtcdChange(ClusterRecord r)
    {
        if (EtcdInFlight.TryGetValue(r.Cluster, out var flight))
            flight.Remove(r.Node);
    }

    private void Unindex((string Cluster, string Node) key)
    {
        if (Nodes.TryGetValue(key, out var old) && _nodesByMachine.TryGetValue(old.Machine, out var keys))
        {
            keys.Remove(key);
            if (keys.Count == 0)
                _nodesByMachine.Remove(old.Machine);
        }
    }

    private void Update((string, string) key, Func<Joined, Joined> change)
    {
        if (Nodes.TryGetValue(key, out var n))
            Nodes[key] = change(n);
    }
}
