using System.Text;
using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The simulated world's history: the machine inventory log (<c>inventory.jsonl</c>: machines, load balancer targets)
/// and the node software's log (<c>cluster.jsonl</c>: etcd members, joins, drains, upgrades, incidents) merged into one
/// timeline by their timestamps, read after the CLI processes ended.
/// </summary>
internal sealed class SimHistory
{
    private SimHistory(IReadOnlyList<SimEvent> events) => Events = events;

    public IReadOnlyList<SimEvent> Events { get; }

    public static SimHistory Read(string inventoryDir)
    {
        var merged = new List<(DateTimeOffset At, int Source, int Line, string Op, string Node, string? Machine, string? Version, string? Detail)>();
        var machineNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in Lines(Path.Combine(inventoryDir, InventoryLog.LogFileName)))
        {
            line++;
            var r = JsonSerializer.Deserialize(text, InventoryJsonContext.Default.InventoryRecord);
            if (r is null)
                continue;
            switch (r.Kind)
            {
                case "machine":
                    if (r.Machine is { } m)
                        machineNames[r.Id] = m.Name;
                    var op = r.Op switch { "create" => "machine_create", "delete" => "machine_destroy", _ => "machine_" + r.Op };
                    merged.Add((r.At, 0, line, op, machineNames.GetValueOrDefault(r.Id, ""), r.Id, null, null));
                    break;
                case "load_balancer" when r.Op is "register" or "deregister" && r.LoadBalancer is null && r.Node is { } node:
                    // The incremental form: the node (and for a registration its target) only.
                    merged.Add((r.At, 0, line, "lb_" + r.Op, node, r.Target?.MachineId, null, null));
                    if (!targets.TryGetValue(r.Id, out var now))
                        targets[r.Id] = now = new HashSet<string>(StringComparer.Ordinal);
                    if (r.Op == "register")
                        now.Add(node);
                    else
                        now.Remove(node);
                    break;
                case "load_balancer" when r.Op is "register" or "deregister" && r.LoadBalancer is { } lb:
                    // Which node: the difference between the target lists before and after.
                    var before = targets.GetValueOrDefault(r.Id) ?? [];
                    var after = lb.Targets.Select(t => t.NodeName).ToHashSet(StringComparer.Ordinal);
                    var changed = r.Op == "register" ? after.Except(before) : before.Except(after);
                    foreach (var node in changed)
                        merged.Add((r.At, 0, line, "lb_" + r.Op, node, lb.Targets.FirstOrDefault(t => t.NodeName == node)?.MachineId, null, null));
                    targets[r.Id] = after;
                    break;
                case "load_balancer" when r.LoadBalancer is { } lb:
                    // A create, or an update (which keeps the targets; new-form updates list none).
                    targets.TryAdd(r.Id, lb.Targets.Select(t => t.NodeName).ToHashSet(StringComparer.Ordinal));
                    break;
                default:
                    break;
            }
        }
        line = 0;
        foreach (var text in Lines(Path.Combine(inventoryDir, ClusterLog.FileName)))
        {
            line++;
            var r = JsonSerializer.Deserialize(text, ClusterJsonContext.Default.ClusterRecord);
            if (r is null)
                continue;
            var node = r.Op == ClusterOps.Kill && r.Machine is { } killed ? machineNames.GetValueOrDefault(killed, r.Node) : r.Node;
            merged.Add((r.At, 1, line, r.Op, node, r.Machine, r.Version, r.Incident is null ? null : $"{r.Incident}: {r.Detail}"));
        }
        return new SimHistory([.. merged
            .OrderBy(e => e.At).ThenBy(e => e.Source).ThenBy(e => e.Line)
            .Select((e, i) => new SimEvent(i, e.At, e.Op, e.Node, e.Machine, e.Version, e.Detail))]);
    }

    /// <summary>The events after the first <paramref name="mark"/> (what one apply did, given the count before it).</summary>
    public IReadOnlyList<SimEvent> Since(int mark) => [.. Events.Skip(mark)];

    public IReadOnlyList<SimEvent> Incidents => [.. Events.Where(e => e.Op == ClusterOps.Incident)];

    /// <summary>Live machines now: id → node name.</summary>
    public IReadOnlyDictionary<string, string> LiveMachines()
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            if (e.Op == "machine_create")
                live[e.Machine!] = e.Node;
            else if (e.Op == "machine_destroy")
                live.Remove(e.Machine!);
        }
        return live;
    }

    /// <summary>The machine behind <paramref name="node"/> now (null when it has none).</summary>
    public string? MachineOf(string node) => LiveMachines().Where(m => m.Value == node).Select(m => m.Key).SingleOrDefault();

    /// <summary>Joined nodes now: node → (machine, version).</summary>
    public IReadOnlyDictionary<string, (string Machine, string Version)> Joined()
    {
        var joined = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            if (e.Op == ClusterOps.Join)
                joined[e.Node] = (e.Machine ?? "", e.Version ?? "");
            else if (e.Op == ClusterOps.Upgrade && joined.TryGetValue(e.Node, out var j))
                joined[e.Node] = (j.Item1, e.Version ?? "");
            else if (e.Op == ClusterOps.Leave)
                joined.Remove(e.Node);
        }
        return joined;
    }

    /// <summary>etcd members now (node names, sorted).</summary>
    public IReadOnlyList<string> EtcdMembers()
    {
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            if (e.Op == ClusterOps.EtcdAdd)
                members.Add(e.Node);
            else if (e.Op == ClusterOps.EtcdRemove)
                members.Remove(e.Node);
        }
        return [.. members];
    }

    /// <summary>Nodes registered with the load balancer now (sorted).</summary>
    public IReadOnlyList<string> LoadBalancerTargets()
    {
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            if (e.Op == "lb_register")
                targets.Add(e.Node);
            else if (e.Op == "lb_deregister")
                targets.Remove(e.Node);
        }
        return [.. targets];
    }

    /// <summary>The timeline as text, for failure messages.</summary>
    public static string Describe(IEnumerable<SimEvent> events)
    {
        var b = new StringBuilder();
        foreach (var e in events)
            b.Append("  ").Append(e).Append('\n');
        return b.ToString();
    }

    private static IEnumerable<string> Lines(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0 && l[^1] == '}') : [];
}
