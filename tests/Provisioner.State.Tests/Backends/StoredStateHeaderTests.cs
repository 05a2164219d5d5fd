using System.Text;
using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Backends;

public sealed class StoredStateHeaderTests
{
    private static readonly byte[] State = Encoding.UTF8.GetBytes(
        "{\"format_version\":1,\"provisioner_version\":\"x\",\"lineage\":\"L\",\"serial\":7,\"resources\":[" + string.Join(",", Enumerable.Repeat("{\"a\":1}", 5000)) + "]}");

    [Fact]
    public void ReadsTheVersionFromAWholeFileOrFromItsFirstBytes()
    {
        Assert.Equal(new StateVersion("L", 7), StoredStateHeader.TryRead(State));
        Assert.Equal(new StateVersion("L", 7), StoredStateHeader.TryRead(State.AsSpan(0, 100), isFinalBlock: false));
    }

    [Fact]
    public void APrefixThatStopsBeforeTheHeaderGivesNull()
    {
        Assert.Null(StoredStateHeader.TryRead(State.AsSpan(0, 40), isFinalBlock: false));
        var late = Encoding.UTF8.GetBytes("{\"resources\":[" + string.Join(",", Enumerable.Repeat("{\"a\":1}", 100)) + "],\"lineage\":\"L\",\"serial\":7}");
        Assert.Null(StoredStateHeader.TryRead(late.AsSpan(0, 200), isFinalBlock: false));
        Assert.Equal(new StateVersion("L", 7), StoredStateHeader.TryRead(late));
    }
}
