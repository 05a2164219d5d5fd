using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cloud;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", 65536)]
    [InlineData("192.168.1.0/24", 256)]
    [InlineData("172.16.0.8/29", 8)]
    public void TryParse_Valid(string text, long size)
    {
        var c = Ipv4Cidr.TryParse(text, out var error);
        Assert.Equal("", error);
        Assert.Equal(size, c!.Value.Size);
        Assert.Equal(text, c.Value.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0", "not an IPv4 CIDR")]
    [InlineData("10.0.0/16", "not an IPv4 CIDR")]
    [InlineData("fd00::/64", "not an IPv4 CIDR")]
    [InlineData("10.0.0.0/33", "between /8 and /29")]
    [InlineData("10.0.0.0/4", "between /8 and /29")]
    [InlineData("10.0.0.1/16", "host bits set; the block starts at 10.0.0.0/16")]
    public void TryParse_Invalid(string text, string reason)
    {
        Assert.Null(Ipv4Cidr.TryParse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void AddressAt_IndexOf_RoundTrip()
    {
        var c = Ipv4Cidr.TryParse("10.1.0.0/16", out _)!.Value;
        Assert.Equal("10.1.1.4", c.AddressAt(260));
        Assert.Equal(260, c.IndexOf("10.1.1.4"));
        Assert.Equal(-1, c.IndexOf("10.2.0.1"));
    }
}
