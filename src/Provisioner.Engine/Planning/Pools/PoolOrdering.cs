using System.Globalization;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>
/// The step ordering of pools and members over a finished list of changes (decision 0006 §2, §3): member after its
/// machine (and leaves before it goes), lower stages first for the same node, new members before the old ones they
/// replace, serial groups chained, the pools' rolling batches; and the etcd quorum check.
/// </summary>
internal static class PoolOrdering
{
    private sealed record MemberInfo(string ParentType, MemberSchema Schema);

    private sealed record Step(ResourceInstanceChange Change, bool Delete, int Group, int Sequence, long N);

    /// <summary>The step orders; batch boundaries of serial groups (batches of more than one step on both sides) go to
    /// <paramref name="barriers"/>, so that the ordering stays O(members) whatever the batch size. <paramref name="nodeHealth"/>
    /// says which prior pool nodes were healthy (by key) for the quorum check.</summary>
    public static List<StepOrder> Derive(IReadOnlyList<ResourceInstanceChange> changes, IReadOnlyList<(ResourceAddress Pool, PoolExpansion Expansion)> expansions,
        IEnumerable<ProviderHandle> providers, PlanMode mode, DiagnosticList diagnostics, List<StepBarrier> barriers,
        IReadOnlyDictionary<string, bool>? nodeHealth = null)
    {
        ArgumentNullException.ThrowIfNull(barriers);
        var poolTypes = new HashSet<string>(StringComparer.Ordinal);
        var memberTypes = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var p in providers)
        {
            foreach (var (name, rs) in p.Schema.Resources)
            {
                if (rs.NodePool is not null)
                    poolTypes.Add(name);
                if (rs.Members is { } ms)
                    memberTypes[ms.MemberType] = new MemberInfo(name, ms);
            }
        }
        nodeHealth ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        var orders = new List<StepOrder>();
        if (poolTypes.Count == 0 && memberTypes.Count == 0)
            return orders;

        // The pools' own rolling order.
        var sequence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (pool, expansion) in expansions)
        {
            foreach (var o in expansion.Orders)
                orders.Add(new StepOrder(pool.Instance(InstanceKey.String(o.Key)), o.Delete, pool.Instance(InstanceKey.String(o.AfterKey)), o.AfterDelete));
            foreach (var n in expansion.Nodes)
                sequence[n.Key] = n.Sequence;
        }

        var poolByKey = new Dictionary<string, ResourceInstanceAddress>(StringComparer.Ordinal);
        var members = new Dictionary<ResourceAddress, List<ResourceInstanceChange>>();
        var parents = new Dictionary<ResourceAddress, ResourceInstanceChange>();
        foreach (var c in changes)
        {
            if (c.Deposed is not null || c.Address.Key.Kind != InstanceKeyKind.String)
            {
                if (c.Deposed is null && c.Address.Key.Kind == InstanceKeyKind.None)
                    parents[c.Address.Resource] = c;
                continue;
            }
            if (poolTypes.Contains(c.Address.Resource.Type))
                poolByKey.TryAdd(c.Address.Key.Text!, c.Address);
            else if (memberTypes.ContainsKey(c.Address.Resource.Type))
            {
                if (!members.TryGetValue(c.Address.Resource, out var l))
                    members[c.Address.Resource] = l = [];
                l.Add(c);
            }
        }
        if (members.Count == 0)
            return orders;

        // Member after its machine; lower stages first for the same node.
        var byNode = new Dictionary<string, List<(int Stage, ResourceInstanceAddress Address)>>(StringComparer.Ordinal);
        foreach (var (resource, list) in members)
        {
            var stage = memberTypes[resource.Type].Schema.Stage;
            foreach (var m in list)
            {
                var key = m.Address.Key.Text!;
                if (poolByKey.TryGetValue(key, out var machine))
                {
                    orders.Add(new StepOrder(m.Address, false, machine, false));
                    orders.Add(new StepOrder(machine, true, m.Address, true));
                }
                if (!byNode.TryGetValue(key, out var same))
                    byNode[key] = same = [];
                foreach (var (otherStage, other) in same)
                {
                    if (otherStage == stage)
                        continue;
                    var (low, high) = otherStage < stage ? (other, m.Address) : (m.Address, other);
                    orders.Add(new StepOrder(high, false, low, false));
                    orders.Add(new StepOrder(low, true, high, true));
                }
                same.Add((stage, m.Address));
            }
        }

        // New members in before the old ones they replace leave (and the other way round under max_unavailable).
        foreach (var (resource, list) in members)
        {
            var keys = list.ToDictionary(c => c.Address.Key.Text!, StringComparer.Ordinal);
            foreach (var (_, expansion) in expansions)
            {
                foreach (var r in expansion.Replacements)
                {
                    if (!keys.ContainsKey(r.Old) || !keys.ContainsKey(r.New))
                        continue;
                    var oldA = resource.Instance(InstanceKey.String(r.Old));
                    var newA = resource.Instance(InstanceKey.String(r.New));
                    orders.Add(r.NewFirst ? new StepOrder(oldA, true, newA, false) : new StepOrder(newA, false, oldA, true));
                }
            }
        }

        foreach (var (resource, list) in members)
        {
            var info = memberTypes[resource.Type];
            var parentAddress = new ResourceAddress(resource.Module, ResourceMode.Managed, info.ParentType, resource.Name);
            parents.TryGetValue(parentAddress, out var parent);
            if (info.Schema.SerialGroups.Count > 0)
                Chain(list, info.Schema, parent, sequence, orders, barriers);
            if (info.Schema.EtcdQuorum && mode == PlanMode.Normal && parent is not null && parent.Action != ChangeAction.Delete)
                CheckQuorum(list, info.Schema, parentAddress, sequence, nodeHealth, diagnostics);
        }
        return orders;
    }

    private static HclValue NodeOf(ResourceInstanceChange c)
    {
        var v = (c.After.IsNull ? c.Before : c.After).UnmarkDeep().Value;
        return v.IsKnown && !v.IsNull && v.Type.HasAttribute("node") ? v.GetAttribute("node") : HclValue.DynamicVal;
    }

    private static bool HasRole(HclValue node, string role)
    {
        if (!node.IsKnown || node.IsNull || !node.Type.IsObject || !node.Type.HasAttribute("roles"))
            return false;
        var roles = node.GetAttribute("roles");
        if (!roles.IsKnown || roles.IsNull)
            return false;
        foreach (var r in roles.Elements)
        {
            if (r.IsKnown && !r.IsNull && r.Type.IsString && r.AsString() == role)
                return true;
        }
        return false;
    }

    private static void Chain(List<ResourceInstanceChange> list, MemberSchema ms, ResourceInstanceChange? parent, Dictionary<string, int> sequence,
        List<StepOrder> orders, List<StepBarrier> barriers)
    {
        var steps = new List<Step>();
        // Members of each group that stay (the base of a batch size given as a percentage).
        var staying = new int[ms.SerialGroups.Count];
        foreach (var c in list)
        {
            var node = NodeOf(c);
            var group = -1;
            for (var g = 0; g < ms.SerialGroups.Count; g++)
            {
                if (HasRole(node, ms.SerialGroups[g].Role))
                {
                    group = g;
                    break;
                }
            }
            if (group < 0)
                continue;
            if (c.Action != ChangeAction.Delete)
                staying[group]++;
            if (c.Action == ChangeAction.NoOp || c.Action == ChangeAction.Read || c.Action == ChangeAction.Forget)
                continue;
            var key = c.Address.Key.Text!;
            var seq = sequence.GetValueOrDefault(key);
            var n = PoolExpander.NumberOf(key) ?? 0;
            // A replacement is chained by its first step (the other one follows it anyway).
            steps.Add(new Step(c, c.Action is ChangeAction.Delete or ChangeAction.DeleteThenCreate, group, seq, n));
        }
        steps.Sort((a, b) =>
        {
            var x = a.Group.CompareTo(b.Group);
            if (x == 0)
                x = a.Sequence.CompareTo(b.Sequence);
            if (x == 0)
                x = a.Delete.CompareTo(b.Delete);
            if (x == 0)
                x = a.N.CompareTo(b.N);
            return x != 0 ? x : string.CompareOrdinal(a.Change.Address.Key.Text, b.Change.Address.Key.Text);
        });
        var parentValue = parent is null ? HclValue.Null : (parent.After.IsNull ? parent.Before : parent.After).UnmarkDeep().Value;
        List<Step>? previous = null;
        var i = 0;
        while (i < steps.Count)
        {
            var group = ms.SerialGroups[steps[i].Group];
            var start = steps[i].Group;
            var size = BatchSize(group, parentValue, Math.Max(1, staying[start]));
            var batch = new List<Step>();
            while (i < steps.Count && batch.Count < size && steps[i].Group == start)
                batch.Add(steps[i++]);
            if (previous is not null && (previous.Count == 1 || batch.Count == 1))
            {
                foreach (var s in batch)
                {
                    foreach (var p in previous)
                    {
                        if (!ReferenceEquals(s.Change, p.Change))
                            orders.Add(new StepOrder(s.Change.Address, s.Delete, p.Change.Address, p.Delete));
                    }
                }
            }
            else if (previous is not null)
            {
                // Every step of a batch after every step of the previous one, through one barrier: O(batch) edges, not O(batch²).
                barriers.Add(new StepBarrier([.. batch.Select(s => new StepRef(s.Change.Address, s.Delete))], [.. previous.Select(p => new StepRef(p.Change.Address, p.Delete))]));
            }
            previous = batch;
        }
    }

    /// <summary>The batch size of <paramref name="group"/>: the parent's <see cref="MemberSerialGroup.BatchSizeAttribute"/>
    /// when it holds a number, or a string with a count (<c>"3"</c>) or a percentage of the group's
    /// <paramref name="members"/> (<c>"10%"</c>, rounded down, at least 1; as RKE's <c>max_unavailable_worker</c>);
    /// else <see cref="MemberSerialGroup.BatchSize"/>.</summary>
    internal static int BatchSize(MemberSerialGroup group, HclValue parent, int members)
    {
        if (group.BatchSizeAttribute is { } path)
        {
            var v = parent;
            foreach (var step in path.Steps)
            {
                if (!v.IsKnown || v.IsNull || step.Name is null || !v.Type.IsObject || !v.Type.HasAttribute(step.Name))
                {
                    v = HclValue.DynamicVal;
                    break;
                }
                v = v.GetAttribute(step.Name);
            }
            if (v.IsKnown && !v.IsNull && v.Type.IsNumber && v.AsNumber().TryToLong(out var n) && n >= 1)
                return (int)Math.Min(n, int.MaxValue);
            if (v.IsKnown && !v.IsNull && v.Type.IsString)
            {
                var text = v.AsString().Trim();
                if (text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pct) && pct is > 0 and <= 100)
                    return (int)Math.Max(1, (long)members * pct / 100);
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
                    return count;
            }
        }
        return Math.Max(1, group.BatchSize);
    }

    private static int Quorum(int members) => (members / 2) + 1;

    /// <summary>One etcd member in the simulation (an old one, or a new one joining under the same or another name).</summary>
    private sealed record EtcdMember(string Name, bool Healthy);

    /// <summary>One membership change of the simulation: <see cref="Name"/> joins or leaves.</summary>
    private sealed record EtcdStep(string Name, bool Leaves);

    /// <summary>
    /// Simulates the plan's etcd membership changes one at a time, in the order the serial chain runs them (decision
    /// 0006 §3), and refuses the plan at the first step after which etcd would lose quorum: fewer members than a
    /// quorum of the membership the cluster has now (more than a minority gone in one apply, which includes replacing
    /// every member at once), or fewer healthy members than a quorum of the membership after the step; or when etcd has
    /// no healthy quorum to change its membership at all. NotReady machines count as unhealthy members; new members are
    /// counted healthy once joined.
    /// </summary>
    private static void CheckQuorum(List<ResourceInstanceChange> list, MemberSchema ms, ResourceAddress parent, Dictionary<string, int> sequence,
        IReadOnlyDictionary<string, bool> health, DiagnosticList diagnostics)
    {
        var existing = list.Where(c => c.Action != ChangeAction.Create && !c.Before.IsNull && HasRole(NodeOfBefore(c), "etcd"))
            .OrderBy(c => PoolExpander.NumberOf(c.Address.Key.Text!) ?? 0).ThenBy(c => c.Address.Key.Text, StringComparer.Ordinal).ToList();
        if (existing.Count == 0)
            return;

        // The etcd steps in chain order (sequence, creates before deletes, node number); a replaced member leaves and
        // joins again at the place of its first step. Without an etcd serial group the members could change at
        // once: then every removal is assumed to come first.
        var chained = ms.SerialGroups.Any(g => g.Role == "etcd");
        var ordered = new List<(int Sequence, bool Delete, long N, string Key, EtcdStep[] Steps)>();
        foreach (var c in list)
        {
            var key = c.Address.Key.Text!;
            var leaves = c.Action is ChangeAction.Delete or ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete && !c.Before.IsNull && HasRole(NodeOfBefore(c), "etcd");
            var joins = c.Action is ChangeAction.Create or ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete && HasRole(NodeOf(c), "etcd");
            if (!leaves && !joins)
                continue;
            EtcdStep[] pair = (leaves, joins) switch
            {
                (true, true) when c.Action == ChangeAction.CreateThenDelete => [new(key, false), new(key, true)],
                (true, true) => [new(key, true), new(key, false)],
                (true, false) => [new(key, true)],
                _ => [new(key, false)],
            };
            ordered.Add((chained ? sequence.GetValueOrDefault(key) : 0, pair[0].Leaves, PoolExpander.NumberOf(key) ?? 0, key, pair));
        }
        if (ordered.Count == 0)
            return;
        ordered.Sort((a, b) =>
        {
            var x = chained ? a.Sequence.CompareTo(b.Sequence) : 0;
            if (x == 0)
                x = chained ? a.Delete.CompareTo(b.Delete) : b.Delete.CompareTo(a.Delete);
            if (x == 0)
                x = a.N.CompareTo(b.N);
            return x != 0 ? x : string.CompareOrdinal(a.Key, b.Key);
        });
        var steps = ordered.SelectMany(o => o.Steps).ToList();

        var members = existing.Select(c => new EtcdMember(c.Address.Key.Text!, health.GetValueOrDefault(c.Address.Key.Text!, true))).ToList();
        var start = members.Count;
        var startQuorum = Quorum(start);
        var narrative = new List<string>();
        string? problem = null;
        string? advice = null;
        var healthyNow = members.Count(m => m.Healthy);
        if (healthyNow < startQuorum)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"Only {healthyNow} of its {start} etcd members are healthy now ({Names(members.Where(m => !m.Healthy).Select(m => m.Name))} NotReady or gone), fewer than a quorum ({startQuorum}): etcd cannot change its membership without a quorum.");
            advice = "Bring the NotReady nodes back first; if their machines are lost, etcd needs a disaster recovery (restore from a snapshot) before Provisioner can change its membership.";
        }
        for (var i = 0; problem is null && i < steps.Count; i++)
        {
            var step = steps[i];
            var before = members.Count;
            if (step.Leaves)
            {
                var index = members.FindIndex(m => m.Name == step.Name);
                if (index >= 0)
                    members.RemoveAt(index);
            }
            else
            {
                members.Add(new EtcdMember(step.Name, true));
            }
            var healthy = members.Count(m => m.Healthy);
            narrative.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {i + 1}. {step.Name} {(step.Leaves ? "leaves" : "joins")}: {before} -> {members.Count} member{(members.Count == 1 ? "" : "s")}{(members.Count is > 0 and <= 3 ? $" ({Names(members.Select(m => m.Name))})" : "")}"));
            if (!step.Leaves)
                continue;
            if (members.Count < startQuorum)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"After step {i + 1} only {members.Count} member{(members.Count == 1 ? "" : "s")} would remain, fewer than a quorum ({startQuorum}) of the {start} members etcd has now: it loses quorum when more than a minority of its members go in one apply.");
                advice = string.Create(CultureInfo.InvariantCulture,
                    $"Remove at most {start - startQuorum} etcd node(s) per apply, or roll them with rollout {{ max_surge >= 1, max_unavailable = 0 }} so that each new member joins before an old one leaves.");
            }
            else if (healthy < Quorum(members.Count))
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"After step {i + 1} only {healthy} of its {members.Count} members would be healthy ({Names(members.Where(m => !m.Healthy).Select(m => m.Name))} NotReady or gone), fewer than a quorum ({Quorum(members.Count)}).");
                advice = "Remove the NotReady nodes first (a smaller quantity removes them before any other), or bring them back, before removing healthy ones.";
            }
        }
        if (problem is null)
            return;
        var removed = existing.Where(c => c.Action != ChangeAction.Update && c.Action != ChangeAction.NoOp && steps.Any(s => s.Leaves && s.Name == c.Address.Key.Text)).Select(c => c.Address.Key.Text!).ToList();
        var added = steps.Where(s => !s.Leaves).Select(s => s.Name).ToList();
        var what = removed.Count > 0 ? $"It removes the etcd members {string.Join(", ", removed)}" : "It changes no etcd member";
        if (added.Count > 0)
            what += $" and adds {string.Join(", ", added)}";
        var order = narrative.Count > 0 ? $", one member at a time in this order:\n{string.Join("\n", narrative)}\n" : ". ";
        diagnostics.Error("Unsafe etcd membership change",
            $"This plan would lose etcd quorum in {parent}. {what}{order}{problem} {advice}");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private static HclValue NodeOfBefore(ResourceInstanceChange c)
    {
        var v = c.Before.UnmarkDeep().Value;
        return v.IsKnown && !v.IsNull && v.Type.HasAttribute("node") ? v.GetAttribute("node") : HclValue.DynamicVal;
    }
}
