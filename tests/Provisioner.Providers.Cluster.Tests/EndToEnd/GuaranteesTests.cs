using Xunit.Sdk;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>The order checks themselves, on hand-written timelines: they pass on the right order and fail on a broken one.</summary>
public sealed class GuaranteesTests
{
    private static List<SimEvent> Timeline(params (string Op, string Node, string? Machine)[] events) =>
        [.. events.Select((e, i) => new SimEvent(i, DateTimeOffset.UnixEpoch.AddSeconds(i), e.Op, e.Node, e.Machine, null, null))];

    [Fact]
    public void NodeAdded_MachineThenTargetThenEtcdThenJoin()
    {
        var good = Timeline(("machine_create", "cp-1", "m-1"), ("lb_register", "cp-1", "m-1"), ("runtime", "cp-1", "m-1"),
            ("etcd_begin", "cp-1", "m-1"), ("etcd_add", "cp-1", "m-1"), ("join", "cp-1", "m-1"));
        Guarantees.NodeAdded(good, "cp-1", loadBalanced: true, etcd: true);

        var joinedBeforeRegistered = Timeline(("machine_create", "cp-1", "m-1"), ("runtime", "cp-1", "m-1"), ("etcd_begin", "cp-1", "m-1"),
            ("etcd_add", "cp-1", "m-1"), ("join", "cp-1", "m-1"), ("lb_register", "cp-1", "m-1"));
        Assert.Throws<TrueException>(() => Guarantees.NodeAdded(joinedBeforeRegistered, "cp-1", loadBalanced: true, etcd: true));
    }

    [Fact]
    public void NodeRemoved_DrainThenEtcdThenLeaveThenDeregisterThenDestroy()
    {
        var good = Timeline(("cordon", "cp-1", "m-1"), ("drain", "cp-1", "m-1"), ("etcd_begin", "cp-1", "m-1"), ("etcd_remove", "cp-1", "m-1"),
            ("leave", "cp-1", "m-1"), ("lb_deregister", "cp-1", "m-1"), ("machine_destroy", "cp-1", "m-1"));
        Guarantees.NodeRemoved(good, "cp-1", loadBalanced: true, etcd: true);

        var destroyedWithMember = Timeline(("drain", "cp-1", "m-1"), ("leave", "cp-1", "m-1"), ("lb_deregister", "cp-1", "m-1"),
            ("machine_destroy", "cp-1", "m-1"), ("etcd_remove", "cp-1", "m-1"));
        Assert.Throws<TrueException>(() => Guarantees.NodeRemoved(destroyedWithMember, "cp-1", loadBalanced: true, etcd: true));
        var deregisteredWhileJoined = Timeline(("drain", "cp-1", "m-1"), ("etcd_remove", "cp-1", "m-1"), ("lb_deregister", "cp-1", "m-1"),
            ("leave", "cp-1", "m-1"), ("machine_destroy", "cp-1", "m-1"));
        Assert.Throws<TrueException>(() => Guarantees.NodeRemoved(deregisteredWhileJoined, "cp-1", loadBalanced: true, etcd: true));
    }

    [Fact]
    public void EtcdChangesOneAtATime_FailsOnOverlap()
    {
        Guarantees.EtcdChangesOneAtATime(Timeline(("etcd_begin", "cp-1", null), ("etcd_add", "cp-1", null), ("etcd_begin", "cp-2", null), ("etcd_remove", "cp-2", null)));
        Assert.Throws<TrueException>(() => Guarantees.EtcdChangesOneAtATime(
            Timeline(("etcd_begin", "cp-1", null), ("etcd_begin", "cp-2", null), ("etcd_add", "cp-1", null), ("etcd_add", "cp-2", null))));
    }

    [Fact]
    public void MaxOverlap_CountsWindowsOpenTogether()
    {
        Assert.Equal(1, Guarantees.MaxOverlap([(0, 3), (4, 7), (8, 9)]));
        Assert.Equal(2, Guarantees.MaxOverlap([(0, 5), (1, 6), (7, 9), (8, 10)]));
    }
}
