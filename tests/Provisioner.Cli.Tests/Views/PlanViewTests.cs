using System.Runtime.CompilerServices;
using Provisioner.Cli.Views;
using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Tests.Views;

/// <summary>
/// Snapshot tests of the human plan against golden files in testdata/plan (set PROVISIONER_UPDATE_GOLDEN=1 to rewrite
/// them, then review the diff). In colour snapshots the escape character is shown as ␛.
/// </summary>
public sealed class PlanViewTests
{
    internal static string GoldenDir([CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "..", "testdata", "plan");

    internal static void AssertGolden(string name, string actual)
    {
        actual = actual.Replace("\u001b", "␛", StringComparison.Ordinal);
        var path = Path.Combine(GoldenDir(), name);
        if (Environment.GetEnvironmentVariable("PROVISIONER_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        var copied = Path.Combine(AppContext.BaseDirectory, "testdata", "plan", name);
        Assert.True(File.Exists(copied), $"missing golden file {name}");
        Assert.Equal(File.ReadAllText(copied), actual);
    }

    public static TheoryData<string> Fixtures() =>
    [
        "create_unknowns", "update_in_place", "replacements", "deletions", "data_read", "drift", "drift_refresh_only",
        "outputs_only", "empty", "empty_destroy", "empty_refresh_only", "nested_values", "mixed",
    ];

    private static Plan Fixture(string name) => name switch
    {
        "create_unknowns" => PlanFixtures.CreateWithUnknowns(),
        "update_in_place" => PlanFixtures.UpdateInPlace(),
        "replacements" => PlanFixtures.Replacements(),
        "deletions" => PlanFixtures.Deletions(),
        "data_read" => PlanFixtures.DataRead(),
        "drift" => PlanFixtures.Drift(),
        "drift_refresh_only" => PlanFixtures.Drift(PlanMode.RefreshOnly),
        "outputs_only" => PlanFixtures.OutputsOnly(),
        "empty" => PlanFixtures.Empty(),
        "empty_destroy" => PlanFixtures.Empty(PlanMode.Destroy),
        "empty_refresh_only" => PlanFixtures.Empty(PlanMode.RefreshOnly),
        "nested_values" => PlanFixtures.NestedValues(),
        "mixed" => PlanFixtures.Mixed(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_NoColor_MatchesGoldenFile(string name)
    {
        var text = PlanView.RenderToString(Fixture(name), color: false);
        Assert.DoesNotContain(PlanFixtures.Secret, text);
        Assert.DoesNotContain('\u001b', text);
        AssertGolden(name + ".txt", text);
    }

    [Fact]
    public void Render_Color_MatchesGoldenFile()
    {
        var text = PlanView.RenderToString(PlanFixtures.Mixed(), color: true);
        Assert.Contains("\u001b[32m+\u001b[0m", text);
        Assert.Contains("\u001b[33m~\u001b[0m", text);
        Assert.Contains("\u001b[31m-\u001b[0m", text);
        AssertGolden("mixed.color.txt", text);
        Assert.Equal(PlanView.RenderToString(PlanFixtures.Mixed(), color: false), System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", ""));
    }

    [Fact]
    public void Render_SummaryComesFirstAndLast()
    {
        var lines = PlanView.RenderToString(PlanFixtures.Mixed(), color: false).Split('\n');
        Assert.Equal("Plan: 2 to add, 1 to change, 2 to destroy.", lines[0]);
        Assert.Equal(2, lines.Count(l => l == lines[0]));
    }

    [Fact]
    public void Render_LegendListsOnlyTheSymbolsUsed()
    {
        var text = PlanView.RenderToString(PlanFixtures.CreateWithUnknowns(), color: false);
        Assert.Contains("  + create\n", text);
        Assert.DoesNotContain("update in-place", text);
        Assert.DoesNotContain("  - destroy", text);
    }

    [Fact]
    public void Render_ForcesReplacement_OnlyOnTheReplacePaths()
    {
        var text = PlanView.RenderToString(PlanFixtures.Replacements(), color: false);
        Assert.Contains("      ~ size  = \"small\" -> \"large\" # forces replacement\n", text);
        Assert.Contains("          ~ \"env\" = \"prod\" -> \"staging\" # forces replacement\n", text);
        Assert.Equal(2, text.Split("# forces replacement").Length - 1);
    }

    [Fact]
    public void Render_WritesToTheWriter()
    {
        using var w = new StringWriter();
        PlanView.Render(PlanFixtures.Empty(), w, color: false);
        Assert.StartsWith("No changes. Your infrastructure matches the configuration.\n", w.ToString());
    }

    private static Plan ListUpdate(IEnumerable<long> before, IEnumerable<long> after) =>
        PlanFixtures.Empty() with
        {
            Changes =
            [
                new ResourceInstanceChange(
                    Provisioner.Engine.Addresses.AddressParser.ParseInstance("sim_list.big").Address!, "sim", ChangeAction.Update,
                    Provisioner.Hcl.Values.HclValue.Object(("items", Provisioner.Hcl.Values.HclValue.List(before.Select(n => Provisioner.Hcl.Values.HclValue.Number(n))))),
                    Provisioner.Hcl.Values.HclValue.Object(("items", Provisioner.Hcl.Values.HclValue.List(after.Select(n => Provisioner.Hcl.Values.HclValue.Number(n))))),
                    [], ActionReason.None, []),
            ],
        };

    [Fact]
    public void Render_LongListWithOneChange_HidesTheRestAroundIt()
    {
        var before = Enumerable.Range(0, 5000).Select(i => (long)i).ToList();
        var after = before.Select(i => i == 2500 ? -1 : i).ToList();
        var text = PlanView.RenderToString(ListUpdate(before, after), color: false);
        Assert.Contains(
            "      ~ items = [\n            # (2500 unchanged elements hidden)\n          - 2500,\n          + -1,\n            # (2499 unchanged elements hidden)\n        ]\n",
            text);
    }

    [Fact]
    public void Render_TwoLargeDifferentLists_ComparesByPosition()
    {
        var before = Enumerable.Range(0, 1500).Select(i => (long)i).ToList();
        var after = Enumerable.Range(0, 1501).Select(i => (long)(i % 2 == 0 ? i : -i)).ToList();
        var text = PlanView.RenderToString(ListUpdate(before, after), color: false);
        Assert.Contains("            # (1 unchanged element hidden)\n          - 1,\n          + -1,\n", text);
        Assert.Contains("          + -1499,\n          + 1500,\n        ]\n", text);
    }
}
