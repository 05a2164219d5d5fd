using Provisioner.State.Journal;

namespace Provisioner.State.Tests.Journal;

public sealed class JournalReplayTests
{
    private static StateSnapshot StateWith(params InstanceState[] instances)
    {
        var s = new StateSnapshot("lin-1", 7);
        var r = new ResourceState("", "managed", "sim_machine", "m", "sim") { Each = "list" };
        r.Instances.AddRange(instances);
        s.Resources.Add(r);
        return s;
    }

    [Fact]
    public void ApplyResult_Create_AddsTheResourceAndInstance()
    {
        var state = new StateSnapshot("lin-1", 7);
        var intent = JournalFileTests.Intent() with { Seq = 1 };

        JournalReplay.ApplyResult(state, intent, new JournalResult(2, 1, intent.Token, true, JournalFileTests.Instance("m-1")));

        var r = Assert.Single(state.Resources);
        Assert.Equal(("sim_machine.m", "sim", "list"), (r.Address, r.Provider, r.Each));
        var i = Assert.Single(r.Instances);
        Assert.Equal(4L, i.Key);
        Assert.Contains("m-1", i.AttributesJson);
    }

    [Fact]
    public void ApplyResult_SuccessfulDelete_RemovesInstanceAndEmptyResource()
    {
        var old = JournalFileTests.Instance("m-old", 3);
        old.Key = 4L;
        var state = StateWith(old);
        var intent = JournalFileTests.Intent(JournalIntent.Delete) with { Seq = 1 };

        JournalReplay.ApplyResult(state, intent, new JournalResult(2, 1, intent.Token, true, null));

        Assert.Empty(state.Resources);
    }

    [Fact]
    public void ApplyResult_FailedDeleteWithoutObject_ChangesNothing()
    {
        var old = JournalFileTests.Instance("m-old", 3);
        old.Key = 4L;
        var state = StateWith(old);
        var intent = JournalFileTests.Intent(JournalIntent.Delete) with { Seq = 1 };

        JournalReplay.ApplyResult(state, intent, new JournalResult(2, 1, intent.Token, false, null));

        Assert.Same(old, Assert.Single(state.Resources[0].Instances));
    }

    [Fact]
    public void Record_CreateBeforeDestroyReplacement_DeposesTheCurrentObject()
    {
        var old = JournalFileTests.Instance("m-old", 3);
        old.Key = 4L;
        var other = JournalFileTests.Instance("m-other", 3);
        other.Key = 5L;
        var state = StateWith(old, other);
        var intent = JournalFileTests.Intent() with { Seq = 1, DeposeCurrentAs = "d0d0d0d0" };

        JournalReplay.Record(state, intent, JournalFileTests.Instance("m-new"));

        var instances = state.Resources[0].Instances;
        Assert.Equal(3, instances.Count);
        Assert.Equal("d0d0d0d0", old.Deposed);
        Assert.Contains(instances, i => i.Deposed is null && Equals(i.Key, 4L) && i.AttributesJson.Contains("m-new", StringComparison.Ordinal));
        Assert.Null(other.Deposed);
    }

    [Fact]
    public void Record_Update_ReplacesTheObjectInPlace()
    {
        var old = JournalFileTests.Instance("m-1", 8);
        old.Key = 4L;
        var state = StateWith(old);
        var intent = JournalFileTests.Intent(JournalIntent.Update) with { Seq = 1 };
        var updated = JournalFileTests.Instance("m-1");
        updated.AttributesJson = """{"id":"m-1","size":"large"}""";

        JournalReplay.Record(state, intent, updated);

        Assert.Same(updated, Assert.Single(state.Resources[0].Instances));
        Assert.Equal(4L, updated.Key);
    }
}
