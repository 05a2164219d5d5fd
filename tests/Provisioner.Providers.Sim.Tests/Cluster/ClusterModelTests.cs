using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cluster;

/// <summary>The replayed node-software model's index of joined nodes by machine, which a machine deletion consults
/// instead of scanning every joined node.</summary>
public sealed class ClusterModelTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static ClusterRecord Rec(string op, string cluster, string node, string machine) => new(op, cluster, node, machine, At, "v1.30.4", ["worker"]);

    private static List<string> On(ClusterModel m, string machine) =>
        [.. m.NodesOn(machine).Select(n => $"{n.Key.Cluster}/{n.Key.Node}").Order(StringComparer.Ordinal)];

    [Fact]
    public void NodesOn_FollowsJoinsLeavesAndRejoinsOnAnotherMachine()
    {
        var m = new ClusterModel();
        m.Apply(Rec(ClusterOps.Join, "c1", "w-1", "m-1"));
        m.Apply(Rec(ClusterOps.Join, "c1", "w-2", "m-2"));
        m.Apply(Rec(ClusterOps.Join, "c2", "w-1", "m-1"));
        Assert.Equal(["c1/w-1", "c2/w-1"], On(m, "m-1"));
        Assert.Equal(["c1/w-2"], On(m, "m-2"));
        Assert.Empty(On(m, "m-3"));

        // Cordon and drain keep the node where it is.
        m.Apply(Rec(ClusterOps.Drain, "c1", "w-1", "m-1"));
        Assert.True(Assert.Single(m.NodesOn("m-1"), n => n.Key.Cluster == "c1").Value.Drained);

        m.Apply(Rec(ClusterOps.Leave, "c1", "w-1", "m-1"));
        Assert.Equal(["c2/w-1"], On(m, "m-1"));

        // The same node joined again from another machine moves in the index.
        m.Apply(Rec(ClusterOps.Join, "c1", "w-2", "m-3"));
        Assert.Empty(On(m, "m-2"));
        Assert.Equal(["c1/w-2"], On(m, "m-3"));
        Assert.Equal(m.Nodes.Count, new[] { "m-1", "m-2", "m-3" }.Sum(x => m.NodesOn(x).Count()));
    }
}
