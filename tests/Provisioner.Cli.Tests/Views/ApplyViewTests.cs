using Provisioner.Cli.Views;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Tests.Views;

public sealed class ApplyViewTests
{
    private static ApplyOutput[] Outputs() =>
    [
        new("ip", HclValue.String("10.0.0.5"), false),
        new("password", HclValue.String(PlanFixtures.Secret), true),
        new("token", HclValue.Object(("a", HclValue.String(PlanFixtures.Secret).Mark(HclMarks.Sensitive))), false),
        new("count", HclValue.Number(3), false),
        new("tags", HclValue.Map([new("env", HclValue.String("prod")), new("team", HclValue.String("core"))]), false),
        new("ports", HclValue.List(HclValue.Number(22), HclValue.Number(80)), false),
        new("zones", HclValue.Set(HclValue.String("b"), HclValue.String("a")), false),
        new("empty", HclValue.ListOf(HclType.String), false),
        new("nested", HclValue.Object(("name", HclValue.String("web")), ("disks", HclValue.Tuple(HclValue.Object(("size", HclValue.Number(10))))), ("script", HclValue.String("#!/bin/sh\necho hi\n"))), false),
        new("missing", HclValue.NullOf(HclType.String), false),
    ];

    [Fact]
    public void Render_ApplyWithOutputs_MatchesGoldenFile()
    {
        var text = ApplyView.RenderToString(false, new ApplyCounts(3, 1, 0), destroy: false, Outputs());
        Assert.DoesNotContain(PlanFixtures.Secret, text);
        Assert.StartsWith("Apply complete! Resources: 3 added, 1 changed, 0 destroyed.\n\nOutputs:\n\n", text);
        Assert.Contains("password = <sensitive>\n", text);
        PlanViewTests.AssertGolden("apply_outputs.txt", text);
    }

    [Fact]
    public void Render_Destroy_HasNoOutputs()
    {
        Assert.Equal("Destroy complete! Resources: 2 destroyed.\n", ApplyView.RenderToString(false, new ApplyCounts(0, 0, 2), destroy: true, Outputs()));
    }

    [Fact]
    public void Render_Color_AndForgotten()
    {
        using var w = new StringWriter();
        ApplyView.Render(w, true, new ApplyCounts(0, 0, 0, Forgotten: 1), destroy: false, []);
        Assert.Equal("\u001b[1m\u001b[32mApply complete!\u001b[0m \u001b[1mResources: 0 added, 0 changed, 0 destroyed, 1 forgotten.\u001b[0m\n", w.ToString());
    }
}
