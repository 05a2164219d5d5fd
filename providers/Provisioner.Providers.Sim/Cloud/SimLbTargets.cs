using System.Collections.Immutable;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// A load balancer's targets as the inventory model keeps them: an immutable AVL tree ordered by node name
/// (ordinal), so that registering, deregistering and finding one target is O(log N), enumeration is sorted, and a
/// load balancer handed out of the lock stays a consistent snapshot while later registrations build new trees.
/// </summary>
internal static class SimLbTargets
{
    /// <summary>Orders targets by node name only (one target per node name).</summary>
    private sealed class ByNodeName : IComparer<SimLbTarget>
    {
        public int Compare(SimLbTarget? x, SimLbTarget? y) => string.CompareOrdinal(x?.NodeName, y?.NodeName);
    }

    public static ImmutableSortedSet<SimLbTarget> Empty { get; } = ImmutableSortedSet.Create<SimLbTarget>(new ByNodeName());

    /// <summary>The tree of <paramref name="targets"/> (already a tree: itself). A later duplicate node name wins.</summary>
    public static ImmutableSortedSet<SimLbTarget> Of(IReadOnlyList<SimLbTarget>? targets)
    {
        if (targets is ImmutableSortedSet<SimLbTarget> { KeyComparer: ByNodeName } set)
            return set;
        var b = Empty.ToBuilder();
        foreach (var t in targets ?? [])
        {
            b.Remove(t);
            b.Add(t);
        }
        return b.ToImmutable();
    }

    /// <summary><paramref name="set"/> with <paramref name="target"/> in place of any target of the same node name.</summary>
    public static ImmutableSortedSet<SimLbTarget> Put(ImmutableSortedSet<SimLbTarget> set, SimLbTarget target) =>
        set.Remove(target).Add(target);

    public static ImmutableSortedSet<SimLbTarget> Remove(ImmutableSortedSet<SimLbTarget> set, string nodeName) =>
        set.Remove(Probe(nodeName));

    /// <summary>The target of <paramref name="nodeName"/>: O(log N) in a tree of this class, a scan in any other list.</summary>
    public static SimLbTarget? Find(IReadOnlyList<SimLbTarget> targets, string nodeName) =>
        targets is ImmutableSortedSet<SimLbTarget> { KeyComparer: ByNodeName } set
            ? set.TryGetValue(Probe(nodeName), out var t) ? t : null
            : targets.FirstOrDefault(t => string.Equals(t.NodeName, nodeName, StringComparison.Ordinal));

    private static SimLbTarget Probe(string nodeName) => new(nodeName, "", "");
}
