using System.Globalization;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>
/// Chooses a pool's node keys (decision 0006 §1): pure, from the quantity, the template hash, the rollout settings
/// and the prior nodes.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Keys are <c>"&lt;pool name&gt;-&lt;n&gt;"</c>; a new node takes the highest <c>n</c> ever seen in state + 1.</item>
/// <item>Scale down removes NotReady (or gone) nodes first, then nodes on an old template, then by
/// <see cref="DeletePolicy"/> (oldest: lowest <c>n</c>; newest: highest).</item>
/// <item>Every remaining node whose template hash differs from the current one (or whose key does not carry the
/// pool's current name) is rolled: a replacement with a new key is created and the old node deleted. Replacements
/// go in batches of <c>max_surge + max_unavailable</c> (oldest first): in a batch the first <c>max_surge</c> new
/// nodes come before their old ones leave, the rest after; each batch waits for the previous one.</item>
/// <item>A NotReady node (its machine still listed but dead) is rolled like an outdated one: replaced by a new key.</item>
/// <item>An up-to-date node whose machine is gone is created again under its own key.</item>
/// </list>
/// </remarks>
internal static class PoolExpander
{
    public static PoolExpansion Expand(string poolName, int quantity, string? templateHash, PoolRollout rollout, IReadOnlyList<PoolNode> prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(rollout);
        quantity = Math.Max(0, quantity);
        var maxRevision = prior.Count == 0 ? 0 : prior.Max(p => p.Revision ?? 0);
        long revision;
        var same = templateHash is null ? null : prior.Where(p => p.TemplateHash == templateHash && p.Revision is not null).ToList();
        if (same is { Count: > 0 })
            revision = same.Max(p => p.Revision!.Value);
        else
            revision = prior.Count == 0 ? 1 : maxRevision + 1;

        var prefix = poolName + "-";
        bool Outdated(PoolNode p) => templateHash is null || p.TemplateHash != templateHash || !p.Key.StartsWith(prefix, StringComparison.Ordinal);
        bool Healthy(PoolNode p) => p.Ready && !p.Gone;
        var policyOrder = rollout.Policy == DeletePolicy.Newest
            ? prior.OrderByDescending(p => p.N)
            : prior.OrderBy(p => p.N);
        var removalOrder = policyOrder
            .OrderBy(p => Healthy(p) ? 1 : 0)
            .ThenBy(p => Outdated(p) ? 0 : 1)
            .ToList();
        var excess = Math.Max(0, prior.Count - quantity);
        var removed = removalOrder.Take(excess).ToList();
        var removedKeys = removed.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var remaining = prior.Where(p => !removedKeys.Contains(p.Key)).OrderBy(p => p.N).ToList();

        var nodes = new List<PoolNodePlan>(prior.Count + quantity);
        var policyText = rollout.Policy == DeletePolicy.Newest ? "newest" : "oldest";
        foreach (var p in removed)
        {
            var why = !Healthy(p)
                ? $"scale down: quantity {prior.Count} -> {quantity}, NotReady nodes go first"
                : $"scale down: quantity {prior.Count} -> {quantity}, delete_policy \"{policyText}\"";
            nodes.Add(new PoolNodePlan(p.Key, p.N, PoolNodeFate.Delete, why, 0));
        }

        var next = prior.Count == 0 ? 1 : prior.Max(p => p.N) + 1;
        string NewKey() => prefix + (next++).ToString(CultureInfo.InvariantCulture);

        // Rolling: outdated remaining nodes and NotReady ones (a dead machine is replaced like an outdated one),
        // NotReady first, then oldest first. A gone machine is created again under its own key instead (below).
        bool Rolled(PoolNode p) => Outdated(p) || (!p.Ready && !p.Gone);
        var rolled = remaining.Where(Rolled).OrderBy(p => Healthy(p) ? 1 : 0).ThenBy(p => p.N).ToList();
        var replacements = new List<PoolReplacement>(rolled.Count);
        var orders = new List<PoolStepOrder>();
        var surge = Math.Max(0, rollout.MaxSurge);
        var unavailable = Math.Max(0, rollout.MaxUnavailable);
        var batch = Math.Max(1, surge + unavailable);
        var firstInBatch = surge == 0 && unavailable == 0 ? 1 : surge;
        List<(string Key, bool Delete)>? previous = null;
        for (var b = 0; b * batch < rolled.Count; b++)
        {
            var current = new List<(string Key, bool Delete)>();
            for (var j = 0; j < batch && (b * batch) + j < rolled.Count; j++)
            {
                var old = rolled[(b * batch) + j];
                var key = NewKey();
                var newFirst = j < firstInBatch;
                replacements.Add(new PoolReplacement(old.Key, key, newFirst));
                var oldRev = old.Revision is { } r ? r.ToString(CultureInfo.InvariantCulture) : "?";
                var renamed = !old.Key.StartsWith(prefix, StringComparison.Ordinal);
                var change = renamed ? $"pool renamed to \"{poolName}\""
                    : Outdated(old) ? $"template revision {oldRev} -> {revision}"
                    : "NotReady (its machine does not answer)";
                nodes.Add(new PoolNodePlan(key, next - 1, PoolNodeFate.Create, $"replaces {old.Key}: {change}", (2 * b) + (newFirst ? 1 : 2)));
                nodes.Add(new PoolNodePlan(old.Key, old.N, PoolNodeFate.Delete, $"rolled: {change}, replaced by {key}", (2 * b) + (newFirst ? 2 : 1)));
                if (newFirst)
                    orders.Add(new PoolStepOrder(old.Key, true, key, false));
                else
                    orders.Add(new PoolStepOrder(key, false, old.Key, true));
                current.Add((key, false));
                current.Add((old.Key, true));
            }
            if (previous is not null)
            {
                foreach (var (k, d) in current)
                {
                    foreach (var (pk, pd) in previous)
                        orders.Add(new PoolStepOrder(k, d, pk, pd));
                }
            }
            previous = current;
        }

        foreach (var p in remaining)
        {
            if (Rolled(p))
                continue;
            nodes.Add(p.Gone
                ? new PoolNodePlan(p.Key, p.N, PoolNodeFate.Create, "machine gone (deleted outside Provisioner): created again", 0)
                : new PoolNodePlan(p.Key, p.N, PoolNodeFate.Keep, "", 0));
        }
        for (var i = remaining.Count; i < quantity; i++)
        {
            var key = NewKey();
            nodes.Add(new PoolNodePlan(key, next - 1, PoolNodeFate.Create, $"new node: quantity {prior.Count} -> {quantity}", 0));
        }
        nodes.Sort((a, b) => a.N.CompareTo(b.N));
        return new PoolExpansion(revision, nodes, orders, replacements);
    }

    /// <summary>The node number of a key <c>"&lt;anything&gt;-&lt;n&gt;"</c>; null when the key does not end in one.</summary>
    public static long? NumberOf(string key)
    {
        var dash = key.LastIndexOf('-');
        return dash >= 0 && long.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
