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
    /// <paramref name="barriers"/>, so that the ordering stays O(members) whatever the batch size.</summary>
    public static List<StepOrder> Derive(IReadOnlyList<ResourceInstanceChange> changes, IReadOnlyList<(ResourceAddress Pool, PoolExpansion Expansion)> expansions,
        IEnumerable<ProviderHandle> providers, PlanMode mode, DiagnosticList diagnostics, List<StepBarrier> barriers)
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
                CheckQuorum(list, parentAddress, expansions, diagnostics);
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

    private static void CheckQuorum(List<ResourceInstanceChange> list, ResourceAddress parent,
        IReadOnlyList<(ResourceAddress Pool, PoolExpansion Expansion)> expansions, DiagnosticList diagnostics)
    {
        var existing = list.Where(c => c.Action != ChangeAction.Create && !c.Before.IsNull && HasRole(NodeOfBefore(c), "etcd")).ToList();
        if (existing.Count == 0)
            return;
        var created = list.Where(c => c.Action is ChangeAction.Create && HasRole(NodeOf(c), "etcd"))
            .Select(c => c.Address.Key.Text!).ToHashSet(StringComparer.Ordinal);
        var deleted = existing.Where(c => c.Action is ChangeAction.Delete or ChangeAction.DeleteThenCreate).ToList();
        var replacedFirst = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, e) in expansions)
        {
            foreach (var r in e.Replacements)
            {
                if (r.NewFirst && created.Contains(r.New))
                    replacedFirst.Add(r.Old);
            }
        }
        var unreplaced = deleted.Where(c => !replacedFirst.Contains(c.Address.Key.Text!)).Select(c => c.Address.Key.Text!).OrderBy(k => PoolExpander.NumberOf(k) ?? 0).ToList();
        var quorum = Quorum(existing.Count);
        var remaining = existing.Count - unreplaced.Count;
        if (remaining >= quorum)
            return;
        var names = string.Join(", ", unreplaced);
        var safe = existing.Count - quorum;
        diagnostics.Error("Unsafe etcd membership change",
            string.Create(CultureInfo.InvariantCulture,
                $"This plan would remove the etcd members {names} of {parent} without replacing each one first: {existing.Count} members now, {remaining} would remain, fewer than a quorum of {quorum}. " +
                $"etcd loses quorum when more than a minority of its members go in one apply. Remove at most {safe} etcd node(s) per apply, or roll them with rollout {{ max_surge >= 1, max_unavailable = 0 }} so that each new member joins before an old one leaves."));
    }

    private static HclValue NodeOfBefore(ResourceInstanceChange c)
    {
        var v = c.Before.UnmarkDeep().Value;
        return v.IsKnown && !v.IsNull && v.Type.HasAttribute("node") ? v.GetAttribute("node") : HclValue.DynamicVal;
    }
}
