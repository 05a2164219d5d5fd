using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class IpNetworkFunctionsTests
{
    private static readonly FunctionTable Lib = new(IpNetworkFunctions.Create(StandardLibraryOptions.Default));

    private static FunctionResult Call(string name, params HclValue[] args)
    {
        Assert.True(Lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue N(double n) => HclValue.Number(n);

    private static HclValue Big(string s) => HclValue.Number(HclNumber.Parse(s)!.Value);

    private static void Fails(string message, int? arg, string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.False(r.IsSuccess, r.ToString());
        Assert.Equal(message, r.Error.Message);
        Assert.Equal(arg, r.Error.ArgumentIndex);
    }

    [Theory]
    [InlineData("10.12.112.0/20", 16, "10.12.112.16")]
    [InlineData("10.12.112.0/20", 268, "10.12.113.12")]
    [InlineData("10.12.112.0/20", 0, "10.12.112.0")]
    [InlineData("10.12.112.0/20", -1, "10.12.127.255")]
    [InlineData("10.12.112.0/20", -4096, "10.12.112.0")]
    [InlineData("10.12.115.7/20", 1, "10.12.112.1")]
    [InlineData("192.168.1.0/32", 0, "192.168.1.0")]
    [InlineData("010.001.0.0/16", 5, "10.1.0.5")]
    [InlineData("fd00:fd12:3456:7890:00a2::/72", 34, "fd00:fd12:3456:7890::22")]
    [InlineData("fd00::/64", -1, "fd00::ffff:ffff:ffff:ffff")]
    [InlineData("::/0", 1, "::1")]
    [InlineData("2001:db8::/32", 0x10000, "2001:db8::1:0")]
    [InlineData("1:0:0:1:0:0:0:0/128", 0, "1:0:0:1::")]
    [InlineData("0:0:1::/64", 0, "0:0:1::")]
    public void CidrHost(string prefix, long host, string expected) => Assert.Equal(S(expected), Call("cidrhost", S(prefix), N(host)).Value);

    [Fact]
    public void CidrHost_BigIPv6HostNumber() =>
        Assert.Equal(S("2001:db8::ffff:ffff:ffff:ffff"), Call("cidrhost", S("2001:db8::/64"), Big("18446744073709551615")).Value);

    [Theory]
    [InlineData("10.0.0.0/24", 256, "prefix of 24 does not accommodate a host numbered 256", 1)]
    [InlineData("10.0.0.0/24", -257, "prefix of 24 does not accommodate a host numbered -257", 1)]
    [InlineData("10.0.0.0/32", 1, "prefix of 32 does not accommodate a host numbered 1", 1)]
    [InlineData("10.0.0.0", 1, "invalid CIDR expression: invalid CIDR address: 10.0.0.0", 0)]
    [InlineData("10.0.0.0/33", 1, "invalid CIDR expression: invalid CIDR address: 10.0.0.0/33", 0)]
    [InlineData("256.0.0.0/8", 1, "invalid CIDR expression: invalid CIDR address: 256.0.0.0/8", 0)]
    [InlineData("10.0.0.0/", 1, "invalid CIDR expression: invalid CIDR address: 10.0.0.0/", 0)]
    [InlineData("10.0.0.0/-1", 1, "invalid CIDR expression: invalid CIDR address: 10.0.0.0/-1", 0)]
    [InlineData("fd00::/129", 1, "invalid CIDR expression: invalid CIDR address: fd00::/129", 0)]
    [InlineData("fd00:::/64", 1, "invalid CIDR expression: invalid CIDR address: fd00:::/64", 0)]
    [InlineData("hello", 1, "invalid CIDR expression: invalid CIDR address: hello", 0)]
    public void CidrHost_Errors(string prefix, long host, string message, int arg) => Fails(message, null, "cidrhost", S(prefix), N(host));

    [Fact]
    public void CidrHost_Fraction() => Fails("value must be a whole number", null, "cidrhost", S("10.0.0.0/8"), N(1.5));

    [Theory]
    [InlineData("172.16.0.0/12", "255.240.0.0")]
    [InlineData("10.0.0.0/8", "255.0.0.0")]
    [InlineData("10.0.0.0/0", "0.0.0.0")]
    [InlineData("10.1.2.3/32", "255.255.255.255")]
    [InlineData("10.1.2.3/27", "255.255.255.224")]
    public void CidrNetmask(string prefix, string expected) => Assert.Equal(S(expected), Call("cidrnetmask", S(prefix)).Value);

    [Fact]
    public void CidrNetmask_IPv6() => Fails("IPv6 addresses cannot have a netmask: fd00::/64", null, "cidrnetmask", S("fd00::/64"));

    [Fact]
    public void CidrNetmask_Invalid() => Fails("invalid CIDR expression: invalid CIDR address: nope", null, "cidrnetmask", S("nope"));

    [Theory]
    [InlineData("172.16.0.0/12", 4, 2, "172.18.0.0/16")]
    [InlineData("10.1.2.0/24", 4, 15, "10.1.2.240/28")]
    [InlineData("10.1.2.0/24", 0, 0, "10.1.2.0/24")]
    [InlineData("10.1.2.77/24", 8, 3, "10.1.2.3/32")]
    [InlineData("fd00:fd12:3456:7890::/56", 16, 162, "fd00:fd12:3456:7800:a200::/72")]
    [InlineData("fd00::/8", 120, 1, "fd00::1/128")]
    public void CidrSubnet(string prefix, long newbits, long netnum, string expected) =>
        Assert.Equal(S(expected), Call("cidrsubnet", S(prefix), N(newbits), N(netnum)).Value);

    [Theory]
    [InlineData("10.0.0.0/8", 4, 16, "prefix extension of 4 does not accommodate a subnet numbered 16", 2)]
    [InlineData("10.0.0.0/8", 4, -1, "prefix extension of 4 does not accommodate a subnet numbered -1", 2)]
    [InlineData("10.0.0.0/30", 3, 0, "insufficient address space to extend prefix of 30 by 3", 1)]
    [InlineData("fd00::/64", 65, 0, "insufficient address space to extend prefix of 64 by 65", 1)]
    [InlineData("10.0.0.0", 4, 0, "invalid CIDR expression: invalid CIDR address: 10.0.0.0", 0)]
    public void CidrSubnet_Errors(string prefix, long newbits, long netnum, string message, int arg) =>
        Fails(message, null, "cidrsubnet", S(prefix), N(newbits), N(netnum));

    [Fact]
    public void CidrSubnet_FractionalNewbits() =>
        Fails("value must be a whole number, between -9223372036854775808 and 9223372036854775807", null, "cidrsubnet", S("10.0.0.0/8"), N(1.5), N(0));

    public static TheoryData<string, long[], string[]> SubnetsCases => new()
    {
        { "10.1.0.0/16", [4, 4, 8, 4], ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"] },
        { "10.0.0.0/8", [8, 8, 8], ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"] },
        { "10.0.0.0/30", [1, 1], ["10.0.0.0/31", "10.0.0.2/31"] },
        { "fd00:fd12:3456:7890::/56", [16, 16, 16, 32], ["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"] },
        { "10.1.0.0/16", [8, 4], ["10.1.0.0/24", "10.1.16.0/20"] },
    };

    [Theory]
    [MemberData(nameof(SubnetsCases))]
    public void CidrSubnets(string prefix, long[] newbits, string[] expected)
    {
        var r = Call("cidrsubnets", [S(prefix), .. newbits.Select(n => N(n))]);
        Assert.Equal(HclValue.List(expected.Select(S)), r.Value);
    }

    [Fact]
    public void CidrSubnets_NoNewbits_IsEmptyList() => Assert.Equal(HclValue.ListOf(HclType.String), Call("cidrsubnets", S("10.0.0.0/8")).Value);

    [Theory]
    [InlineData("10.0.0.0/30", new long[] { 1, 1, 1 }, "not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31", 3)]
    [InlineData("10.0.0.0/24", new long[] { 0 }, "must extend prefix by at least one bit", 1)]
    [InlineData("10.0.0.0/24", new long[] { 4, 33 }, "may not extend prefix by more than 32 bits", 2)]
    [InlineData("10.0.0.0/24", new long[] { 9 }, "would extend prefix to 33 bits, which is too long for an IPv4 address", 1)]
    [InlineData("fd00::/120", new long[] { 9 }, "would extend prefix to 129 bits, which is too long for an IPv6 address", 1)]
    [InlineData("255.255.255.0/24", new long[] { 1, 1, 1 }, "not enough remaining address space for a subnet with a prefix of 25 bits after 255.255.255.128/25", 3)]
    // As in Terraform, a base address of 0.0.0.0 makes the search start by wrapping around, which it then refuses.
    [InlineData("0.0.0.0/0", new long[] { 1 }, "not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1", 1)]
    [InlineData("bad", new long[] { 1 }, "invalid CIDR expression: invalid CIDR address: bad", 0)]
    public void CidrSubnets_Errors(string prefix, long[] newbits, string message, int arg) =>
        Fails(message, arg, "cidrsubnets", [S(prefix), .. newbits.Select(n => N(n))]);

    [Theory]
    [InlineData("192.168.2.0/24", "192.168.2.1", true)]
    [InlineData("192.168.2.0/24", "192.168.3.1", false)]
    [InlineData("192.168.2.0/24", "192.168.2.0/25", true)]
    [InlineData("192.168.2.0/24", "192.168.2.0/23", false)]
    [InlineData("192.168.2.0/24", "192.168.2.128/25", true)]
    [InlineData("fd00:a:b:c::/64", "fd00:a:b:c::1", true)]
    [InlineData("fd00:a:b:c::/64", "fd00:a:b:d::/64", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    public void CidrContains(string prefix, string addr, bool expected) =>
        Assert.Equal(HclValue.Bool(expected), Call("cidrcontains", S(prefix), S(addr)).Value);

    [Theory]
    [InlineData("192.168.2.0/24", "fd00::1", "address family mismatch: 192.168.2.0/24 vs. fd00::1", null)]
    [InlineData("192.168.2.0/24", "nope", "invalid IP address or prefix: nope", 1)]
    [InlineData("192.168.2.0", "192.168.2.1", "invalid CIDR address: 192.168.2.0", 0)]
    public void CidrContains_Errors(string prefix, string addr, string message, int? arg) =>
        Fails(message, null, "cidrcontains", S(prefix), S(addr));

    [Fact]
    public void Unknown_And_Sensitive()
    {
        var u = Call("cidrhost", HclValue.UnknownOf(HclType.String), N(1)).Value!;
        Assert.False(u.IsKnown);
        Assert.Equal(HclType.String, u.Type);
        var s = Call("cidrsubnets", S("10.0.0.0/8").Mark(HclMarks.Sensitive), N(8)).Value!;
        Assert.True(s.IsSensitive);
        Assert.Equal(HclType.List(HclType.String), s.Type);
    }

    [Fact]
    public void NumberStringsAreConverted() => Assert.Equal(S("10.0.0.5"), Call("cidrhost", S("10.0.0.0/8"), S("5")).Value);
}
