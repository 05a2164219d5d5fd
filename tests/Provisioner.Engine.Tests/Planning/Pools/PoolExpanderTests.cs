using Provisioner.Engine.Planning.Pools;

namespace Provisioner.Engine.Tests.Planning.Pools;

public sealed class PoolExpanderTests
{
    private static PoolNode Node(int n, long rev = 1, string hash = "h1", bool ready = true, bool gone = false, string pool = "w") =>
        new($"{pool}-{n}", n, rev, hash, ready, gone);

    private static List<PoolNode> Nodes(int count, long rev = 1, string hash = "h1") => Enumerable.Range(1, count).Select(n => Node(n, rev, hash)).ToList();

    private static string[] Keys(PoolExpansion e, PoolNodeFate fate) => e.Nodes.Where(n => n.Fate == fate).Select(n => n.Key).ToArray();

    [Fact]
    public void NewPoolCreatesQuantityKeysFromOne()
    {
        var e = PoolExpander.Expand("w", 3, "h1", PoolRollout.Default, []);
        Assert.Equal(["w-1", "w-2", "w-3"], Keys(e, PoolNodeFate.Create));
        Assert.Equal(1, e.Revision);
        Assert.All(e.Nodes, n => Assert.Equal("new node: quantity 0 -> 3", n.Reason));
        Assert.Empty(e.Orders);
    }

    [Fact]
    public void ScaleUpContinuesAfterHighestNumber()
    {
        var prior = new List<PoolNode> { Node(2), Node(7) };
        var e = PoolExpander.Expand("w", 4, "h1", PoolRollout.Default, prior);
        Assert.Equal(["w-8", "w-9"], Keys(e, PoolNodeFate.Create));
        Assert.Equal(["w-2", "w-7"], Keys(e, PoolNodeFate.Keep));
    }

    [Fact]
    public void ScaleDownOldestRemovesLowestNumbers()
    {
        var e = PoolExpander.Expand("w", 3, "h1", PoolRollout.Default, Nodes(5));
        Assert.Equal(["w-1", "w-2"], Keys(e, PoolNodeFate.Delete));
        Assert.Contains("delete_policy \"oldest\"", e.Nodes[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleDownNewestRemovesHighestNumbers()
    {
        var e = PoolExpander.Expand("w", 3, "h1", PoolRollout.Default with { Policy = DeletePolicy.Newest }, Nodes(5));
        Assert.Equal(["w-4", "w-5"], Keys(e, PoolNodeFate.Delete));
    }

    [Fact]
    public void NotReadyNodesGoFirstWhateverThePolicy()
    {
        var prior = Nodes(5);
        prior[3] = Node(4, ready: false);
        var e = PoolExpander.Expand("w", 4, "h1", PoolRollout.Default, prior);
        Assert.Equal(["w-4"], Keys(e, PoolNodeFate.Delete));
        Assert.Contains("NotReady", e.Nodes.Single(n => n.Key == "w-4").Reason, StringComparison.Ordinal);
        var prior2 = Nodes(5);
        prior2[1] = Node(2, ready: false);
        var newest = PoolExpander.Expand("w", 4, "h1", PoolRollout.Default with { Policy = DeletePolicy.Newest }, prior2);
        Assert.Equal(["w-2"], Keys(newest, PoolNodeFate.Delete));
    }

    [Fact]
    public void NotReadyNodeOnCurrentTemplateIsReplacedByANewKey()
    {
        var prior = Nodes(3);
        prior[1] = Node(2, ready: false);
        var e = PoolExpander.Expand("w", 3, "h1", PoolRollout.Default, prior);
        Assert.Equal(["w-4"], Keys(e, PoolNodeFate.Create));
        Assert.Equal(["w-2"], Keys(e, PoolNodeFate.Delete));
        Assert.Equal(["w-1", "w-3"], Keys(e, PoolNodeFate.Keep));
        Assert.Equal([new("w-2", "w-4", true)], e.Replacements);
        Assert.Equal(1, e.Revision);
        Assert.Equal("rolled: NotReady (its machine does not answer), replaced by w-4", e.Nodes.Single(n => n.Key == "w-2").Reason);
    }

    [Fact]
    public void GoneNodeIsCreatedAgainUnderItsKey()
    {
        var prior = Nodes(3);
        prior[1] = Node(2, gone: true);
        var e = PoolExpander.Expand("w", 3, "h1", PoolRollout.Default, prior);
        Assert.Equal(["w-2"], Keys(e, PoolNodeFate.Create));
        Assert.Contains("gone", e.Nodes.Single(n => n.Key == "w-2").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateChangeRollsEveryNodeWithSurgeOrdering()
    {
        var e = PoolExpander.Expand("w", 3, "h2", PoolRollout.Default, Nodes(3));
        Assert.Equal(2, e.Revision);
        Assert.Equal(["w-4", "w-5", "w-6"], Keys(e, PoolNodeFate.Create));
        Assert.Equal(["w-1", "w-2", "w-3"], Keys(e, PoolNodeFate.Delete));
        Assert.Equal([new("w-1", "w-4", true), new("w-2", "w-5", true), new("w-3", "w-6", true)], e.Replacements);
        // Old goes after its replacement; the next batch waits for the previous one.
        Assert.Contains(new PoolStepOrder("w-1", true, "w-4", false), e.Orders);
        Assert.Contains(new PoolStepOrder("w-5", false, "w-1", true), e.Orders);
        Assert.Contains(new PoolStepOrder("w-5", false, "w-4", false), e.Orders);
        Assert.Contains(new PoolStepOrder("w-6", false, "w-2", true), e.Orders);
        Assert.Equal("rolled: template revision 1 -> 2, replaced by w-4", e.Nodes.Single(n => n.Key == "w-1").Reason);
        Assert.Equal("replaces w-1: template revision 1 -> 2", e.Nodes.Single(n => n.Key == "w-4").Reason);
    }

    [Fact]
    public void MaxUnavailableDeletesBeforeCreating()
    {
        var e = PoolExpander.Expand("w", 2, "h2", new PoolRollout(0, 1, DeletePolicy.Oldest), Nodes(2));
        Assert.Contains(new PoolStepOrder("w-3", false, "w-1", true), e.Orders);
        Assert.DoesNotContain(e.Orders, o => o.Key == "w-1" && o.Delete && o.AfterKey == "w-3");
        Assert.All(e.Replacements, r => Assert.False(r.NewFirst));
    }

    [Fact]
    public void SurgeTwoRollsTwoAtATime()
    {
        var e = PoolExpander.Expand("w", 4, "h2", new PoolRollout(2, 0, DeletePolicy.Oldest), Nodes(4));
        // Batch 1: w-5, w-6 (replacing w-1, w-2) with no order between them; batch 2 waits for batch 1.
        Assert.DoesNotContain(e.Orders, o => o.Key == "w-6" && o.AfterKey == "w-5");
        Assert.Contains(new PoolStepOrder("w-7", false, "w-2", true), e.Orders);
        Assert.Contains(new PoolStepOrder("w-8", false, "w-1", true), e.Orders);
    }

    [Fact]
    public void NeverBelowQuantityMinusMaxUnavailableWhenStepsFollowTheOrders()
    {
        foreach (var (surge, unavailable) in new[] { (1, 0), (0, 1), (2, 1), (1, 2), (3, 0) })
        {
            var prior = Nodes(6);
            var e = PoolExpander.Expand("w", 6, "h2", new PoolRollout(surge, unavailable, DeletePolicy.Oldest), prior);
            // Simulate: run any step whose orders are satisfied, deletes first (the worst case), one at a time.
            var pending = e.Nodes.Where(n => n.Fate != PoolNodeFate.Keep).Select(n => (n.Key, Delete: n.Fate == PoolNodeFate.Delete)).ToList();
            var done = new HashSet<(string, bool)>();
            var live = 6;
            var min = live;
            var max = live;
            while (pending.Count > 0)
            {
                var ready = pending.Where(p => e.Orders.Where(o => o.Key == p.Key && o.Delete == p.Delete).All(o => done.Contains((o.AfterKey, o.AfterDelete)))).OrderByDescending(p => p.Delete).First();
                pending.Remove(ready);
                done.Add(ready);
                live += ready.Delete ? -1 : 1;
                min = Math.Min(min, live);
                max = Math.Max(max, live);
            }
            Assert.True(min >= 6 - unavailable, $"surge {surge} unavailable {unavailable}: {min} nodes at worst");
            Assert.True(max <= 6 + surge, $"surge {surge} unavailable {unavailable}: {max} nodes at most");
        }
    }

    [Fact]
    public void ScaleDownDuringRollRemovesOutdatedFirst()
    {
        var prior = new List<PoolNode> { Node(1, 1, "h1"), Node(2, 2, "h2"), Node(3, 2, "h2") };
        var e = PoolExpander.Expand("w", 2, "h2", PoolRollout.Default, prior);
        Assert.Equal(["w-1"], Keys(e, PoolNodeFate.Delete));
        Assert.Empty(Keys(e, PoolNodeFate.Create));
        Assert.Equal(2, e.Revision);
    }

    [Fact]
    public void UnknownTemplateRollsAndRenamedPoolRolls()
    {
        var e = PoolExpander.Expand("w", 1, null, PoolRollout.Default, Nodes(1));
        Assert.Equal(["w-2"], Keys(e, PoolNodeFate.Create));
        var renamed = PoolExpander.Expand("x", 1, "h1", PoolRollout.Default, Nodes(1));
        Assert.Equal(["x-2"], Keys(renamed, PoolNodeFate.Create));
        Assert.Contains("pool renamed", renamed.Nodes.Single(n => n.Key == "w-1").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberOfParsesTrailingNumber()
    {
        Assert.Equal(12, PoolExpander.NumberOf("my-pool-12"));
        Assert.Null(PoolExpander.NumberOf("pool"));
    }
}
