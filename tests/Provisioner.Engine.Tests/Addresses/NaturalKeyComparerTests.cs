using Provisioner.Engine.Addresses;

namespace Provisioner.Engine.Tests.Addresses;

public sealed class NaturalKeyComparerTests
{
    [Fact]
    public void NodeKeys_CompareByTheirNumber()
    {
        string[] keys = ["workers-100", "workers-10", "workers-2", "workers-1", "cp-3", "workers-1000", "workers-011", "workers", "workers-1a", "a"];
        var sorted = keys.Select(InstanceKey.String).Order(NaturalKeyComparer.Instance).Select(k => k.Text).ToList();
        Assert.Equal(["a", "cp-3", "workers", "workers-1", "workers-2", "workers-10", "workers-011", "workers-100", "workers-1000", "workers-1a"], sorted);
    }

    [Fact]
    public void IntKeys_AndMixedKinds_KeepTheirOrder()
    {
        Assert.True(NaturalKeyComparer.Instance.Compare(InstanceKey.Int(2), InstanceKey.Int(10)) < 0);
        Assert.True(NaturalKeyComparer.Instance.Compare(InstanceKey.Int(10), InstanceKey.String("a-1")) < 0);
        Assert.Equal(0, NaturalKeyComparer.Instance.Compare(InstanceKey.String("w-7"), InstanceKey.String("w-7")));
        Assert.True(NaturalKeyComparer.Instance.Compare(InstanceKey.String("w-07"), InstanceKey.String("w-7")) < 0);
    }
}
