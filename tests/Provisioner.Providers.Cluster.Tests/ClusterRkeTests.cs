using System.Security.Cryptography.X509Certificates;
using System.Text;
using Provisioner.Hcl.Values;
using static Provisioner.Providers.Cluster.Tests.ProviderDriver;

namespace Provisioner.Providers.Cluster.Tests;

public sealed class ClusterRkeTests
{
    private readonly ProviderDriver _p = new();

    private async Task<HclValue> TemplateAsync(HclValue? prior = null, string version = "v1.30.4")
    {
        var config = _p.Config("cluster_template", ("name", HclValue.String("prod")), ("kubernetes_version", HclValue.String(version)));
        return (await _p.ChangeAsync("cluster_template", prior ?? HclValue.NullOf(config.Type), config)).State;
    }

    private HclValue Cluster(HclValue template, HclValue? nodes = null, string endpoint = "10.0.0.100:6443") => _p.Config("cluster_rke",
        ("name", HclValue.String("main")), ("template", template), ("api_endpoint", HclValue.String(endpoint)), ("nodes", nodes ?? HclValue.Null));

    private static HclValue Nodes(params (string Name, string[] Roles)[] nodes) => HclValue.Tuple(nodes.Select(n => HclValue.Object(
        ("name", HclValue.String(n.Name)), ("roles", HclValue.List(n.Roles.Select(HclValue.String))))));

    [Fact]
    public async Task Create_GeneratesARealCaAndAKubeconfigSignedByIt()
    {
        var config = Cluster(await TemplateAsync());
        var (state, priv) = await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config);

        Assert.StartsWith("c-", Str(state, "id"));
        using var ca = X509Certificate2.CreateFromPem(Str(state, "ca_certificate"));
        Assert.Equal(ca.Subject, ca.Issuer);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(ca.NotAfter > DateTime.UtcNow.AddYears(9));
        // The CA key is kept in the provider's private data, not in an attribute, and matches the certificate.
        using var withKey = X509Certificate2.CreateFromPem(Str(state, "ca_certificate"), Encoding.UTF8.GetString(priv!));
        Assert.True(withKey.HasPrivateKey);

        Assert.True(state.GetAttribute("kubeconfig").IsSensitive);
        var kubeconfig = Str(state, "kubeconfig");
        Assert.Contains("server: \"https://10.0.0.100:6443\"", kubeconfig);
        var clientB64 = kubeconfig.Split('\n').Single(l => l.Contains("client-certificate-data:")).Split(':')[1].Trim();
        using var client = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(clientB64)));
        Assert.Contains("O=system:masters", client.Subject);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(client), "the admin certificate chains to the cluster CA");

        Assert.Equal(1, Num(state, "template_revision"));
        Assert.Equal("v1.30.4", Str(state, "kubernetes_version"));
        Assert.Equal("10%", Str(state.GetAttribute("upgrade_strategy"), "max_unavailable_worker"));
    }

    [Fact]
    public async Task Refresh_AndReplan_AreNoOps()
    {
        var config = Cluster(await TemplateAsync());
        var (state, priv) = await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config);

        var read = await _p.ReadAsync("cluster_rke", state);
        var plan = await _p.PlanAsync("cluster_rke", read, config, priv);

        Sdk.TestKit.ValueAssert.Same(state, read);
        Sdk.TestKit.ValueAssert.Same(read, plan.PlannedState, "re-planning the same cluster is a no-op");
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public async Task TemplateMovedOn_PlanSaysRevisionAvailable_ApplyMovesTheCluster()
    {
        var v1 = await TemplateAsync();
        var config = Cluster(v1);
        var (state, priv) = await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config);
        var v2 = await TemplateAsync(v1, "v1.31.1");

        var plan = await _p.PlanAsync("cluster_rke", state, Cluster(v2), priv);

        var warning = Assert.Single(plan.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal("Template revision 2 available", warning.Summary);
        Assert.Contains("kubernetes_version v1.30.4 -> v1.31.1", warning.Detail);
        var applied = await _p.ApplyAsync("cluster_rke", state, plan, Cluster(v2));
        NoErrors(applied.Diagnostics);
        Assert.Equal(2, Num(applied.NewState, "template_revision"));
        Assert.Equal("v1.31.1", Str(applied.NewState, "kubernetes_version"));
        Assert.Equal(Str(state, "ca_certificate"), Str(applied.NewState, "ca_certificate"));
        Assert.Equal(Str(state, "kubeconfig"), Str(applied.NewState, "kubeconfig"));
    }

    [Fact]
    public async Task NewEndpoint_ReissuesTheKubeconfigWithTheSameCa()
    {
        var config = Cluster(await TemplateAsync());
        var (state, priv) = await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config);

        var (moved, _) = await _p.ChangeAsync("cluster_rke", state, Cluster(TemplateSettingsOf(state), endpoint: "api.example:6443"), priv);

        Assert.Contains("server: \"https://api.example:6443\"", Str(moved, "kubeconfig"));
        Assert.Equal(Str(state, "ca_certificate"), Str(moved, "ca_certificate"));
    }

    private static HclValue TemplateSettingsOf(HclValue cluster) => cluster.UnmarkDeep().Value.GetAttribute("template");

    [Fact]
    public async Task TemplateWithAnotherPlugin_IsRefused()
    {
        var v1 = await TemplateAsync();
        var config = Cluster(v1);
        var (state, priv) = await _p.ChangeAsync("cluster_rke", HclValue.NullOf(config.Type), config);
        var other = _p.Config("cluster_template", ("name", HclValue.String("other")), ("kubernetes_version", HclValue.String("v1.30.4")),
            ("network", HclValue.Object(("plugin", HclValue.String("calico")))));
        var (flannelish, _) = await _p.ChangeAsync("cluster_template", HclValue.NullOf(other.Type), other);

        var plan = await _p.PlanAsync("cluster_rke", state, Cluster(flannelish), priv);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Equal("The network plugin cannot change", error.Summary);
    }

    [Theory]
    [InlineData(1, 1, "Not highly available: fewer than 3 etcd nodes", "Not highly available: fewer than 2 control-plane nodes")]
    [InlineData(2, 2, "Not highly available: fewer than 3 etcd nodes", null)]
    [InlineData(4, 2, "Even number of etcd nodes", null)]
    [InlineData(3, 1, "Not highly available: fewer than 2 control-plane nodes", null)]
    public async Task HaRules_AreWarnings(int etcd, int cp, string first, string? second)
    {
        var nodes = Enumerable.Range(1, Math.Max(etcd, cp)).Select(i => ($"cp-{i}", new[] { i <= etcd ? "etcd" : "x", i <= cp ? "controlplane" : "y" }))
            .Append(("w-1", new[] { "worker" })).ToArray();
        var config = Cluster(await TemplateAsync(), Nodes(nodes));

        var diags = _p.Provider.ValidateResourceConfig("cluster_rke", config);
        var plan = await _p.PlanAsync("cluster_rke", HclValue.NullOf(config.Type), config);

        Assert.All(diags, d => Assert.False(d.IsError));
        Assert.Contains(diags, d => d.Summary == first);
        if (second is not null)
            Assert.Contains(diags, d => d.Summary == second);
        Assert.Equal(diags.Count, plan.Diagnostics.Count);
    }

    [Fact]
    public async Task HaRules_ThreeEtcdTwoControlPlane_NoWarning_AndEtcdMembersListed()
    {
        var config = Cluster(await TemplateAsync(), Nodes(
            ("cp-1", ["etcd", "controlplane"]), ("cp-2", ["etcd", "controlplane"]), ("cp-3", ["etcd", "controlplane"]), ("w-1", ["worker"])));

        var plan = await _p.PlanAsync("cluster_rke", HclValue.NullOf(config.Type), config);

        Assert.Empty(plan.Diagnostics);
        Assert.Equal(["cp-1", "cp-2", "cp-3"], plan.PlannedState.GetAttribute("etcd_members").Elements.Select(e => e.AsString()));
    }

    [Fact]
    public async Task NoEtcdNode_IsAnError()
    {
        var config = Cluster(await TemplateAsync(), Nodes(("w-1", ["worker"])));

        Assert.Contains(_p.Provider.ValidateResourceConfig("cluster_rke", config), d => d.IsError && d.Summary == "No etcd node");
    }
}
