namespace Provisioner.Sdk.Tests;

public sealed class AttributePathTests
{
    [Fact]
    public void ToString_MixedSteps_UsesTraversalSyntax()
    {
        var p = AttributePath.Attr("listener").ThenIndex(0).ThenAttr("port");
        Assert.Equal("listener[0].port", p.ToString());
        Assert.Equal("labels[\"a\\\"b\"]", AttributePath.Attr("labels").ThenKey("a\"b").ToString());
    }

    [Fact]
    public void Equals_SameSteps_AreEqualAndHashAlike()
    {
        var a = AttributePath.Attr("x").ThenKey("k");
        var b = AttributePath.Attr("x").ThenKey("k");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, AttributePath.Attr("x").ThenKey("j"));
    }

    [Fact]
    public void StartsWith_Prefix_IsTrue()
    {
        var p = AttributePath.Attr("labels").ThenKey("role");
        Assert.True(p.StartsWith(AttributePath.Attr("labels")));
        Assert.True(p.StartsWith(AttributePath.Root));
        Assert.False(AttributePath.Attr("labels").StartsWith(p));
    }

    [Fact]
    public void ProviderNameOf_TypeName_IsPrefixBeforeUnderscore()
    {
        Assert.Equal("sim", ProviderRegistry.ProviderNameOf("sim_node_pool"));
        Assert.Equal("cluster", ProviderRegistry.ProviderNameOf("cluster_rke"));
    }
}
