using Provisioner.Sdk.Bootstrap;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// The simulated node software: the <see cref="INodeDriver"/> for <c>sim:</c> bootstrap URIs. Each step checks the
/// simulated world (does the machine exist, is it alive), records what it did in the inventory's node-software log,
/// and records an <see cref="ClusterIncident"/> when it is asked to do something in an order that would hurt a real
/// cluster (joining before the machine exists, two etcd membership changes at once).
/// </summary>
/// <remarks>etcd membership changes take <see cref="EtcdChangeTime"/> (health check of the new membership), so
/// overlapping changes are seen; drains take the node's slow-drain knob. Steps are idempotent.</remarks>
public sealed class NodeSoftware(TimeProvider time, TimeSpan? etcdChangeTime = null) : INodeDriver
{
    /// <summary>How long an etcd member add or remove takes.</summary>
    public TimeSpan EtcdChangeTime { get; } = etcdChangeTime ?? TimeSpan.FromMilliseconds(5);

    public Task<NodeProbeResult> ProbeAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Task.FromResult(On(node, ct, (s, machine) =>
        {
            if (!s.Alive(machine))
                return new NodeProbeResult(Unreachable(s, node, machine), null);
            var key = NodeSoftwareHostKeys.For(machine);
            if (node.HostKey is { Length: > 0 } pinned && pinned != key)
                return new NodeProbeResult(NodeStepResult.Fail(
                    $"The host key of node {node.Name} ({machine}) differs from the one recorded when it was created: refusing to talk to it. " +
                    "If the machine was rebuilt on purpose, replace the node.", retriable: false), key);
            return new NodeProbeResult(NodeStepResult.Ok, key);
        }, error => new NodeProbeResult(error, null)));
    }

    public Task<NodeStepResult> InstallRuntimeAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct) =>
        Task.FromResult(Step(node, ct, (s, machine) =>
        {
            if (!s.Alive(machine))
                return Unreachable(s, node, machine);
            if (!s.Model.Runtimes.Contains(machine))
                s.Record(new ClusterRecord(ClusterOps.Runtime, cluster.Id, node.Name, machine, s.Now));
            return NodeStepResult.Ok;
        }));

    public async Task<NodeStepResult> AddEtcdMemberAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var begun = Step(node, ct, (s, machine) =>
        {
            if (s.Model.Members.ContainsKey((cluster.Id, node.Name)))
                return Done;
            if (!s.Machines.Machines.ContainsKey(machine))
            {
                s.Incident(ClusterIncidentKinds.JoinedBeforeMachine, cluster.Id, node.Name, machine,
                    $"Node {node.Name} was added as an etcd member of cluster {cluster.Id} before its machine {machine} existed.");
                return NodeStepResult.Fail($"Machine {machine} of node {node.Name} does not exist.");
            }
            if (!s.Alive(machine))
                return Unreachable(s, node, machine);
            BeginEtcdChange(s, cluster, node, machine, "add");
            return NodeStepResult.Ok;
        });
        if (!ReferenceEquals(begun, NodeStepResult.Ok))
            return begun == Done ? NodeStepResult.Ok : begun;
        return await FinishEtcdChangeAsync(cluster, node, ClusterOps.EtcdAdd, ct).ConfigureAwait(false);
    }

    public async Task<NodeStepResult> RemoveEtcdMemberAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var begun = Step(node, ct, (s, machine) =>
        {
            if (!s.Model.Members.ContainsKey((cluster.Id, node.Name)))
                return Done;
            BeginEtcdChange(s, cluster, node, machine, "remove");
            return NodeStepResult.Ok;
        });
        if (!ReferenceEquals(begun, NodeStepResult.Ok))
            return begun == Done ? NodeStepResult.Ok : begun;
        return await FinishEtcdChangeAsync(cluster, node, ClusterOps.EtcdRemove, ct).ConfigureAwait(false);
    }

    public Task<NodeStepResult> StartControlPlaneAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct) =>
        Task.FromResult(Step(node, ct, (s, machine) =>
        {
            if (!s.Alive(machine))
                return Unreachable(s, node, machine);
            if (!s.Model.ControlPlanes.Contains((cluster.Id, node.Name)))
                s.Record(new ClusterRecord(ClusterOps.ControlPlane, cluster.Id, node.Name, machine, s.Now, Version: cluster.KubernetesVersion,
                    LoadBalancer: ApiLoadBalancer(s, cluster)?.Id));
            return NodeStepResult.Ok;
        }));

    public Task<NodeStepResult> JoinAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct) =>
        Task.FromResult(Step(node, ct, (s, machine) =>
        {
            if (s.Model.Nodes.ContainsKey((cluster.Id, node.Name)))
                return NodeStepResult.Ok;
            if (!s.Machines.Machines.ContainsKey(machine))
            {
                s.Incident(ClusterIncidentKinds.JoinedBeforeMachine, cluster.Id, node.Name, machine,
                    $"Node {node.Name} joined cluster {cluster.Id} before its machine {machine} existed.");
                return NodeStepResult.Fail($"Machine {machine} of node {node.Name} does not exist.");
            }
            if (!s.Alive(machine))
                return Unreachable(s, node, machine);
            if (s.Model.FailJoins.GetValueOrDefault(node.Name) is var left and > 0)
            {
                s.Record(new ClusterRecord(ClusterOps.JoinFailed, cluster.Id, node.Name, machine, s.Now));
                return NodeStepResult.Fail($"The kubelet of node {node.Name} did not register with cluster {cluster.Name} (simulated failure; {left - 1} more to come).");
            }
            var apiLb = ApiLoadBalancer(s, cluster);
            if (node.HasRole(NodeRoles.ControlPlane) && apiLb is { } lb && lb.Target(node.Name) is null)
                s.Incident(ClusterIncidentKinds.JoinedBeforeLoadBalancer, cluster.Id, node.Name, machine,
                    $"Control-plane node {node.Name} joined cluster {cluster.Id} before load balancer {lb.Id} ({cluster.ApiEndpoint}) registered it.");
            s.Record(new ClusterRecord(ClusterOps.Join, cluster.Id, node.Name, machine, s.Now, cluster.KubernetesVersion, [.. node.Roles], LoadBalancer: apiLb?.Id));
            return NodeStepResult.Ok;
        }));

    public async Task<NodeStepResult> CordonDrainAsync(ClusterRef cluster, NodeTarget node, bool drain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var delay = TimeSpan.Zero;
        var result = Step(node, ct, (s, machine) =>
        {
            if (!s.Model.Nodes.TryGetValue((cluster.Id, node.Name), out var joined))
                return Done;
            if (!joined.Cordoned)
                s.Record(new ClusterRecord(ClusterOps.Cordon, cluster.Id, node.Name, machine, s.Now));
            if (!drain || joined.Drained)
                return Done;
            delay = s.Model.SlowDrains.GetValueOrDefault(node.Name);
            return NodeStepResult.Ok;
        });
        if (!ReferenceEquals(result, NodeStepResult.Ok))
            return result == Done ? NodeStepResult.Ok : result;
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        return Step(node, ct, (s, machine) =>
        {
            if (s.Model.Nodes.ContainsKey((cluster.Id, node.Name)))
                s.Record(new ClusterRecord(ClusterOps.Drain, cluster.Id, node.Name, machine, s.Now));
            return NodeStepResult.Ok;
        });
    }

    public Task<NodeStepResult> LeaveAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct) =>
        Task.FromResult(Step(node, ct, (s, machine) =>
        {
            if (s.Model.Nodes.ContainsKey((cluster.Id, node.Name)) || s.Model.ControlPlanes.Contains((cluster.Id, node.Name)))
                s.Record(new ClusterRecord(ClusterOps.Leave, cluster.Id, node.Name, machine, s.Now));
            return NodeStepResult.Ok;
        }));

    public async Task<NodeStepResult> UpgradeAsync(ClusterRef cluster, NodeTarget node, string kubernetesVersion, bool drain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var current = Step(node, ct, (s, machine) =>
        {
            if (!s.Model.Nodes.TryGetValue((cluster.Id, node.Name), out var joined))
                return NodeStepResult.Fail($"Node {node.Name} is not joined to cluster {cluster.Name}: nothing to upgrade.");
            if (joined.Version == kubernetesVersion)
                return Done;
            return s.Alive(machine) ? NodeStepResult.Ok : Unreachable(s, node, machine);
        });
        if (!ReferenceEquals(current, NodeStepResult.Ok))
            return current == Done ? NodeStepResult.Ok : current;
        var cordoned = await CordonDrainAsync(cluster, node, drain, ct).ConfigureAwait(false);
        if (!cordoned.Succeeded)
            return cordoned;
        return Step(node, ct, (s, machine) =>
        {
            s.Record(new ClusterRecord(ClusterOps.Upgrade, cluster.Id, node.Name, machine, s.Now, kubernetesVersion));
            s.Record(new ClusterRecord(ClusterOps.Uncordon, cluster.Id, node.Name, machine, s.Now));
            return NodeStepResult.Ok;
        });
    }

    public Task<NodeStatusResult> StatusAsync(ClusterRef cluster, NodeTarget node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Task.FromResult(On(node, ct, (s, machine) =>
        {
            var exists = s.Machines.Machines.ContainsKey(machine);
            var joined = s.Model.Nodes.TryGetValue((cluster.Id, node.Name), out var n);
            return new NodeStatusResult(exists, joined, joined && s.Alive(machine), s.Model.Members.ContainsKey((cluster.Id, node.Name)),
                joined ? n!.Version : null, joined && n!.Cordoned);
        }, error => new NodeStatusResult(false, false, false, false, null, false, error.Error)));
    }

    // ------------------------------------------------------------------ plumbing

    /// <summary>A step found nothing to do (distinct from <see cref="NodeStepResult.Ok"/>, which means "go on").</summary>
    private static readonly NodeStepResult Done = new();

    private void BeginEtcdChange(ClusterSimulation.Scope s, ClusterRef cluster, NodeTarget node, string machine, string what)
    {
        var others = s.OtherEtcdChanges(cluster.Id, node.Name);
        if (others.Count > 0)
            s.Incident(ClusterIncidentKinds.ConcurrentEtcdChange, cluster.Id, node.Name, machine,
                $"etcd member {what} of node {node.Name} started while the change of {string.Join(", ", others)} was still in flight in cluster {cluster.Id}.");
        s.Record(new ClusterRecord(ClusterOps.EtcdBegin, cluster.Id, node.Name, machine, s.Now));
    }

    private async Task<NodeStepResult> FinishEtcdChangeAsync(ClusterRef cluster, NodeTarget node, string op, CancellationToken ct)
    {
        try
        {
            if (EtcdChangeTime > TimeSpan.Zero)
                await Task.Delay(EtcdChangeTime, time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Step(node, CancellationToken.None, (s, machine) =>
            {
                s.Record(new ClusterRecord(ClusterOps.EtcdAbort, cluster.Id, node.Name, machine, s.Now));
                return NodeStepResult.Ok;
            });
            throw;
        }
        return Step(node, ct, (s, machine) =>
        {
            s.Record(new ClusterRecord(op, cluster.Id, node.Name, machine, s.Now));
            s.CheckQuorum(cluster.Id, op == ClusterOps.EtcdAdd ? $"member {node.Name} added" : $"member {node.Name} removed");
            return NodeStepResult.Ok;
        });
    }

    /// <summary>The load balancer in front of the cluster's API: the one whose address or DNS name is the endpoint's host.</summary>
    private static SimLoadBalancer? ApiLoadBalancer(ClusterSimulation.Scope s, ClusterRef cluster)
    {
        var host = cluster.ApiEndpoint;
        if (host.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
            host = host[(scheme + 3)..];
        host = host.Split('/')[0];
        if (host.LastIndexOf(':') is var colon and > 0)
            host = host[..colon];
        return host.Length == 0 ? null : s.Machines.LoadBalancers.Values.FirstOrDefault(lb =>
            string.Equals(lb.Address, host, StringComparison.OrdinalIgnoreCase) || string.Equals(lb.DnsName, host, StringComparison.OrdinalIgnoreCase));
    }

    private static NodeStepResult Unreachable(ClusterSimulation.Scope s, NodeTarget node, string machine) =>
        s.Machines.Machines.ContainsKey(machine)
            ? NodeStepResult.Fail($"Node {node.Name} ({machine}) does not answer: its machine is dead (NotReady).")
            : NodeStepResult.Fail($"Node {node.Name} is unreachable: machine {machine} does not exist.");

    private NodeStepResult Step(NodeTarget node, CancellationToken ct, Func<ClusterSimulation.Scope, string, NodeStepResult> action) =>
        On(node, ct, action, e => e);

    private T On<T>(NodeTarget node, CancellationToken ct, Func<ClusterSimulation.Scope, string, T> action, Func<NodeStepResult, T> failed)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (NodeSoftwareAddress.TryParse(node.Bootstrap) is not { } address)
            return failed(NodeStepResult.Fail($"\"{node.Bootstrap}\" is not a sim bootstrap address (sim:<inventory dir>/<machine id>).", retriable: false));
        try
        {
            return ClusterSimulation.For(address.InventoryDir).Locked(time, ct, s => action(s, address.MachineId));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return failed(NodeStepResult.Fail($"Cannot reach the simulated cloud in {address.InventoryDir}: {e.Message}"));
        }
    }
}
