using System.Collections.Concurrent;
using Provisioner.Sdk.Bootstrap;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// The simulated clusters of one inventory directory: the node software's log (<see cref="ClusterLog"/>) replayed
/// into a <see cref="ClusterModel"/>, read and changed under the inventory's lock together with the machine
/// inventory, so that every check ("does the machine exist?", "is its etcd member gone?") sees one consistent world.
/// It also detects incidents where they happen: node steps check their own preconditions, and the cloud calls
/// <see cref="AfterInventoryChange"/> after every machine mutation.
/// </summary>
/// <remarks>One store per directory per process; every access holds the inventory lock (threads and processes).</remarks>
internal sealed class ClusterSimulation
{
    private static readonly ConcurrentDictionary<string, ClusterSimulation> Stores = new(StringComparer.Ordinal);

    /// <summary>An etcd change begun longer ago than this was cut short by a crash: it no longer counts as in flight.</summary>
    private static readonly TimeSpan StaleChange = TimeSpan.FromMinutes(1);

    private readonly ClusterLog _log;
    private readonly ClusterModel _model = new();
    private readonly string _directory;
    private readonly object _opening = new();
    private InventoryLog? _inventory;
    private readonly InventoryModel _machines = new();

    private ClusterSimulation(string directory)
    {
        _directory = directory;
        _log = new ClusterLog(directory);
    }

    /// <summary>The store of the inventory in <paramref name="directory"/> (a full path).</summary>
    public static ClusterSimulation For(string directory) => Stores.GetOrAdd(Path.GetFullPath(directory), d => new ClusterSimulation(d));

    /// <summary>A view of the world under the lock, with a way to record.</summary>
    internal sealed class Scope(ClusterSimulation owner, InventoryModel machines, DateTimeOffset now)
    {
        public ClusterModel Model => owner._model;

        public InventoryModel Machines => machines;

        public DateTimeOffset Now => now;

        public void Record(ClusterRecord record)
        {
            owner._log.Append(record);
            owner._model.Apply(record);
        }

        public void Incident(string kind, string cluster, string node, string? machine, string detail) =>
            Record(new ClusterRecord(ClusterOps.Incident, cluster, node, machine, now, Incident: kind, Detail: detail));

        /// <summary>Whether the machine exists in the cloud and has not died.</summary>
        public bool Alive(string machine) => machines.Machines.ContainsKey(machine) && !Model.Dead.Contains(machine);

        /// <summary>The etcd changes of <paramref name="cluster"/> in flight now, except <paramref name="node"/>'s own
        /// (a retry) and those cut short by a crash.</summary>
        public IReadOnlyList<string> OtherEtcdChanges(string cluster, string node) =>
            Model.EtcdInFlight.TryGetValue(cluster, out var flight)
                ? [.. flight.Where(f => f.Key != node && now - f.Value < StaleChange).Select(f => f.Key).Order(StringComparer.Ordinal)]
                : [];

        /// <summary>Records <c>quorum_lost</c> when <paramref name="cluster"/>'s healthy etcd members fall below a quorum
        /// of its membership, and notes when quorum is back.</summary>
        public void CheckQuorum(string cluster, string cause)
        {
            var members = Model.Members.Where(m => m.Key.Cluster == cluster).ToList();
            var healthy = members.Count(m => Alive(m.Value.Machine));
            var quorum = (members.Count / 2) + 1;
            var lost = members.Count > 0 && healthy < quorum;
            if (lost && !Model.QuorumLost.Contains(cluster))
            {
                Incident(ClusterIncidentKinds.QuorumLost, cluster, "", null,
                    $"Cluster {cluster} lost etcd quorum: {healthy} healthy of {members.Count} members, {quorum} needed ({cause}).");
            }
            else if (!lost && Model.QuorumLost.Contains(cluster))
            {
                Record(new ClusterRecord(ClusterOps.QuorumRestored, cluster, "", null, now));
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> under the inventory lock with both logs replayed.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory holds no simulated cloud.</exception>
    public T Locked<T>(TimeProvider time, CancellationToken ct, Func<Scope, T> action)
    {
        InventoryLog inventory;
        lock (_opening)
            inventory = _inventory ??= new InventoryLog(_directory, create: false);
        // The inventory lock first, then this store: the order the cloud's hook takes them in.
        using (inventory.Lock(ct))
        {
            lock (this)
            {
                inventory.ReadNew(_machines.Apply);
                _log.ReadNew(_model.Apply);
                return action(new Scope(this, _machines, time.GetUtcNow()));
            }
        }
    }

    /// <summary>
    /// The hook the cloud calls after each mutation it recorded, under the inventory lock it already holds: a
    /// machine destroyed while its etcd member still exists, or while its node is joined and not drained, is an
    /// incident, and so is the quorum it may take with it.
    /// </summary>
    public static void AfterInventoryChange(string directory, InventoryRecord record, InventoryModel machines, TimeProvider time)
    {
        var deregistered = record is { Kind: "load_balancer", Op: "deregister", Node: not null };
        if (!(deregistered || record is { Kind: "machine", Op: "delete" }) || !File.Exists(Path.Combine(directory, ClusterLog.FileName)))
            return;
        var store = For(directory);
        lock (store)
        {
            if (deregistered)
            {
                store._log.ReadNew(store._model.Apply);
                store.CheckDeregistration(new Scope(store, machines, time.GetUtcNow()), record.Id, record.Node!);
                return;
            }
            store._log.ReadNew(store._model.Apply);
            var scope = new Scope(store, machines, time.GetUtcNow());
            var machine = record.Id;
            var clusters = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var ((cluster, node), member) in store._model.Members.Where(m => m.Value.Machine == machine).ToList())
            {
                scope.Incident(ClusterIncidentKinds.MachineDestroyedWithEtcdMember, cluster, node, machine,
                    $"Machine {machine} of node {node} was destroyed while it was still an etcd member of cluster {cluster}.");
                clusters.Add(cluster);
            }
            foreach (var ((cluster, node), joined) in store._model.NodesOn(machine).Where(n => !n.Value.Drained).ToList())
            {
                scope.Incident(ClusterIncidentKinds.MachineDestroyedWhileJoined, cluster, node, machine,
                    $"Machine {machine} of node {node} was destroyed while the node was joined to cluster {cluster} and not drained.");
            }
            foreach (var cluster in clusters)
                scope.CheckQuorum(cluster, $"machine {machine} destroyed");
        }
    }

    /// <summary>Records <c>deregistered_while_joined</c> for each cluster whose API load balancer is
    /// <paramref name="lbId"/> and in which <paramref name="node"/> is still joined with the control-plane role.</summary>
    private void CheckDeregistration(Scope scope, string lbId, string node)
    {
        foreach (var (cluster, lb) in _model.ApiLoadBalancers)
        {
            if (lb != lbId || !_model.Nodes.TryGetValue((cluster, node), out var joined))
                continue;
            if (!joined.ControlPlane && !joined.Roles.Contains(NodeRoles.ControlPlane, StringComparer.Ordinal))
                continue;
            scope.Incident(ClusterIncidentKinds.DeregisteredWhileJoined, cluster, node, joined.Machine,
                $"Control-plane node {node} was deregistered from load balancer {lbId} (the API endpoint of cluster {cluster}) while it was still joined; it must leave the cluster first.");
        }
    }

    /// <summary>
    /// Which of <paramref name="machineIds"/> died (<see cref="NodeSoftwareKnobs.Kill"/>): one pass under the lock for
    /// a whole refresh batch, each id looked up in the replayed model. Empty (without taking the lock) when the
    /// directory has no node-software log.
    /// </summary>
    public static HashSet<string> DeadAmong(string directory, IEnumerable<string> machineIds, TimeProvider time, CancellationToken ct = default)
    {
        var dead = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(Path.Combine(directory, ClusterLog.FileName)))
            return dead;
        return For(directory).Locked(time, ct, s =>
        {
            if (s.Model.Dead.Count == 0)
                return dead;
            foreach (var id in machineIds)
            {
                if (s.Model.Dead.Contains(id))
                    dead.Add(id);
            }
            return dead;
        });
    }

    /// <summary>The clusters as they are now; empty when the directory has no node-software log.</summary>
    public static ClusterSnapshot Snapshot(string directory, CancellationToken ct = default)
    {
        if (!File.Exists(Path.Combine(directory, ClusterLog.FileName)) || !File.Exists(Path.Combine(directory, InventoryLog.LogFileName)))
            return ClusterSnapshot.Empty;
        return For(directory).Locked(TimeProvider.System, ct, s => new ClusterSnapshot(
            [.. s.Model.Members
                .Select(m => new ClusterEtcdMember(m.Key.Cluster, m.Key.Node, m.Value.Machine, m.Value.AddedAt, s.Alive(m.Value.Machine)))
                .OrderBy(m => m.Cluster, StringComparer.Ordinal).ThenBy(m => m.Node, StringComparer.Ordinal)],
            [.. s.Model.Nodes
                .Select(n => new ClusterJoinedNode(n.Key.Cluster, n.Key.Node, n.Value.Machine, n.Value.Roles, n.Value.Version,
                    n.Value.ControlPlane, n.Value.Cordoned, n.Value.Drained, s.Alive(n.Value.Machine), n.Value.At))
                .OrderBy(n => n.Cluster, StringComparer.Ordinal).ThenBy(n => n.Node, StringComparer.Ordinal)],
            [.. s.Model.Incidents])
        {
            DeadMachines = [.. s.Model.Dead.Where(s.Machines.Machines.ContainsKey).Order(StringComparer.Ordinal)],
            Knobs = [.. s.Model.FailJoins.Keys.Union(s.Model.SlowDrains.Keys)
                .Select(n => new ClusterNodeKnobs(n, s.Model.FailJoins.GetValueOrDefault(n), (long)s.Model.SlowDrains.GetValueOrDefault(n).TotalMilliseconds))
                .Where(k => k.FailJoinsLeft > 0 || k.SlowDrainMs > 0)
                .OrderBy(k => k.Node, StringComparer.Ordinal)],
        });
    }
}
