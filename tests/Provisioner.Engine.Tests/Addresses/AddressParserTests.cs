using Provisioner.Engine.Addresses;

namespace Provisioner.Engine.Tests.Addresses;

public sealed class AddressParserTests
{
    [Theory]
    [InlineData("sim_machine.web", "sim_machine.web")]
    [InlineData("sim_machine.web[0]", "sim_machine.web[0]")]
    [InlineData("sim_node_pool.workers[\"w-3\"]", "sim_node_pool.workers[\"w-3\"]")]
    [InlineData("data.sim_image.base", "data.sim_image.base")]
    [InlineData("module.net.sim_network.main", "module.net.sim_network.main")]
    [InlineData("module.pool[\"a\"].module.inner[2].sim_machine.x[1]", "module.pool[\"a\"].module.inner[2].sim_machine.x[1]")]
    [InlineData("module.net", "module.net")]
    public void Parse_ValidAddress_RoundTrips(string text, string expected)
    {
        var (address, diags) = AddressParser.Parse(text);
        Assert.False(diags.HasErrors, diags.ToString());
        Assert.Equal(expected, address!.ToString());
    }

    [Theory]
    [InlineData("sim_machine")]
    [InlineData("sim_machine.web[0].name")]
    [InlineData("module.")]
    [InlineData("sim_machine.web[var.x]")]
    [InlineData("")]
    public void Parse_InvalidAddress_ReportsError(string text)
    {
        var (address, diags) = AddressParser.Parse(text);
        Assert.Null(address);
        Assert.True(diags.HasErrors);
    }

    [Fact]
    public void Contains_ResourceWithoutKey_MatchesEveryInstance()
    {
        var (target, _) = AddressParser.Parse("sim_machine.web");
        var web = new ResourceAddress(ModuleInstance.Root, ResourceMode.Managed, "sim_machine", "web");
        Assert.True(target!.Contains(web.Instance(InstanceKey.Int(3))));
        Assert.False(target.Contains(new ResourceAddress(ModuleInstance.Root, ResourceMode.Managed, "sim_machine", "db").Instance(InstanceKey.None)));
    }

    [Fact]
    public void Contains_Module_MatchesNestedInstances()
    {
        var (target, _) = AddressParser.Parse("module.pool[\"a\"]");
        var inner = ModuleInstance.Root.Child("pool", InstanceKey.String("a")).Child("x", InstanceKey.None);
        Assert.True(target!.Contains(new ResourceAddress(inner, ResourceMode.Managed, "sim_machine", "m").Instance(InstanceKey.None)));
        var other = ModuleInstance.Root.Child("pool", InstanceKey.String("b"));
        Assert.False(target.Contains(new ResourceAddress(other, ResourceMode.Managed, "sim_machine", "m").Instance(InstanceKey.None)));
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("tab\there")]
    [InlineData("x${y}")]
    [InlineData("ünï")]
    public void ToString_StringKeyWithSpecialCharacters_ParsesBack(string key)
    {
        var r = new ResourceAddress(ModuleInstance.Root, ResourceMode.Managed, "sim_machine", "web").Instance(InstanceKey.String(key));
        var (back, diags) = AddressParser.ParseInstance(r.ToString());
        Assert.False(diags.HasErrors, diags.ToString());
        Assert.Equal(r, back);
    }

    [Fact]
    public void CompareTo_IntKeys_OrderNumerically()
    {
        var r = new ResourceAddress(ModuleInstance.Root, ResourceMode.Managed, "sim_machine", "web");
        var sorted = new[] { r.Instance(InstanceKey.Int(10)), r.Instance(InstanceKey.Int(2)), r.Instance(InstanceKey.Int(1)) }.Order().ToList();
        Assert.Equal(["sim_machine.web[1]", "sim_machine.web[2]", "sim_machine.web[10]"], sorted.Select(a => a.ToString()));
    }
}
