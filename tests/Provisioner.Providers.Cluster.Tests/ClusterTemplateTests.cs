using Provisioner.Hcl.Values;
using static Provisioner.Providers.Cluster.Tests.ProviderDriver;

namespace Provisioner.Providers.Cluster.Tests;

public sealed class ClusterTemplateTests
{
    private readonly ProviderDriver _p = new();

    private HclValue Template(string version = "v1.30.4", string? plugin = null, params (string, HclValue)[] more)
    {
        var attrs = new List<(string, HclValue)> { ("name", HclValue.String("prod")), ("kubernetes_version", HclValue.String(version)) };
        if (plugin is not null)
            attrs.Add(("network", HclValue.Object(("plugin", HclValue.String(plugin)))));
        attrs.AddRange(more);
        return _p.Config("cluster_template", [.. attrs]);
    }

    [Fact]
    public async Task Create_FillsRkeDefaults_RevisionOne()
    {
        var (state, _) = await _p.ChangeAsync("cluster_template", HclValue.NullOf(Template().Type), Template());

        Assert.StartsWith("tpl-", Str(state, "id"));
        Assert.Equal(1, Num(state, "revision"));
        Assert.Equal("10.43.0.0/16", Str(state, "service_cidr"));
        Assert.Equal("10.42.0.0/16", Str(state, "pod_cidr"));
        Assert.Equal("cluster.local", Str(state, "cluster_domain"));
        Assert.Equal("10.43.0.10", Str(state, "dns_ip"));
        Assert.Equal("rbac", Str(state, "authorization_mode"));
        var settings = TemplateSettings.From(state)!;
        Assert.Equal("canal", settings.NetworkPlugin);
        Assert.Equal(6, settings.BackupIntervalHours);
        Assert.Equal(4, settings.BackupRetention);
        Assert.Equal(1, settings.MaxUnavailableControlPlane);
        Assert.Equal("10%", settings.MaxUnavailableWorker);
        Assert.True(settings.Drain);
    }

    [Fact]
    public async Task Revision_GoesUpOnEveryContentChange_NotOnSpellingOutADefault()
    {
        var (v1, _) = await _p.ChangeAsync("cluster_template", HclValue.NullOf(Template().Type), Template());

        var same = await _p.PlanAsync("cluster_template", v1, Template());
        Sdk.TestKit.ValueAssert.Same(v1, same.PlannedState, "an unchanged template plans no change");
        var spelled = await _p.PlanAsync("cluster_template", v1, Template(plugin: "canal", more: ("service_cidr", HclValue.String("10.43.0.0/16"))));
        Assert.Equal(1, Num(spelled.PlannedState, "revision"));

        var (v2, _) = await _p.ChangeAsync("cluster_template", v1, Template("v1.31.1"));
        Assert.Equal(2, Num(v2, "revision"));
        Assert.Equal(Str(v1, "id"), Str(v2, "id"));
        var (v3, _) = await _p.ChangeAsync("cluster_template", v2, Template("v1.31.1", more: ("artifacts", HclValue.String("https://mirror.example/bundle-1.31.tar"))));
        Assert.Equal(3, Num(v3, "revision"));
        var (v3again, _) = await _p.ChangeAsync("cluster_template", v3, Template("v1.31.1", more: ("artifacts", HclValue.String("https://mirror.example/bundle-1.31.tar"))));
        Assert.Equal(3, Num(v3again, "revision"));
    }

    [Fact]
    public async Task NetworkPlugin_CannotChangeAfterCreation()
    {
        var (v1, _) = await _p.ChangeAsync("cluster_template", HclValue.NullOf(Template().Type), Template());

        var plan = await _p.PlanAsync("cluster_template", v1, Template(plugin: "calico"));

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Equal("The network plugin cannot change", error.Summary);
        Assert.Contains("\"canal\"", error.Detail);
        Assert.Contains("\"calico\"", error.Detail);
        Assert.Equal("network.plugin", error.Path!.ToString());
    }

    [Theory]
    [InlineData("kubernetes_version", "1.30", "Invalid kubernetes_version")]
    [InlineData("service_cidr", "10.43.0.1/16", "Invalid service_cidr")]
    [InlineData("pod_cidr", "10.43.128.0/17", "Overlapping CIDR blocks")]
    [InlineData("dns_ip", "10.44.0.10", "dns_ip outside service_cidr")]
    [InlineData("authorization_mode", "abac", "Unknown authorization_mode")]
    public void Validate_RejectsBadSettings(string attr, string value, string summary)
    {
        var config = attr == "kubernetes_version"
            ? Template(value)
            : Template(more: (attr, HclValue.String(value)));

        var diags = _p.Provider.ValidateResourceConfig("cluster_template", config);

        Assert.Contains(diags, d => d.IsError && d.Summary == summary);
    }

    [Fact]
    public void Validate_UnknownPlugin_AndBadWorkerBudget()
    {
        var config = Template(plugin: "cilium-x", more: ("upgrade_strategy", HclValue.Object(
            ("max_unavailable_controlplane", HclValue.Number(1)), ("max_unavailable_worker", HclValue.String("ten")), ("drain", HclValue.True))));

        var diags = _p.Provider.ValidateResourceConfig("cluster_template", config);

        Assert.Contains(diags, d => d.Summary == "Unknown network plugin");
        Assert.Contains(diags, d => d.Summary == "Invalid max_unavailable_worker");
        Assert.Empty(_p.Provider.ValidateResourceConfig("cluster_template", Template()));
    }

    [Theory]
    [InlineData("10%", 20, 2)]
    [InlineData("10%", 5, 1)]
    [InlineData("25%", 10, 2)]
    [InlineData("3", 100, 3)]
    [InlineData("0", 10, null)]
    [InlineData("x%", 10, null)]
    public void WorkerBatch_CountOrPercentRoundedDownAtLeastOne(string text, int workers, int? expected) =>
        Assert.Equal(expected, TemplateSettings.WorkerBatch(text, workers));
}
