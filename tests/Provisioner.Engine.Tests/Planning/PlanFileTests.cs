using System.Text;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;
using static Provisioner.Engine.Tests.Planning.PlanFileFixtures;

namespace Provisioner.Engine.Tests.Planning;

public sealed class PlanFileTests
{
    private static readonly Dictionary<string, string> Digests = new()
    {
        ["main.hcl"] = PlanFile.Sha256Hex("resource \"sim_machine\" \"web\" {}"u8),
        ["modules/net/main.hcl"] = PlanFile.Sha256Hex([]),
    };

    private static PlanFileContents Contents() => new(FullPlan(), Digests, "0.1.0-test");

    private static void AssertSameChange(ResourceInstanceChange expected, ResourceInstanceChange actual)
    {
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(expected.Provider, actual.Provider);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.True(expected.Before.RawEquals(actual.Before), $"{expected.Address} before: {expected.Before} != {actual.Before}");
        Assert.True(expected.After.RawEquals(actual.After), $"{expected.Address} after: {expected.After} != {actual.After}");
        Assert.Equal(expected.ReplacePaths, actual.ReplacePaths);
        Assert.Equal(expected.Dependencies, actual.Dependencies);
        Assert.Equal(expected.PlannedPrivate, actual.PlannedPrivate);
        Assert.Equal(expected.Deposed, actual.Deposed);
    }

    [Fact]
    public void Serialize_ThenDeserialize_KeepsEverythingTheExecutorNeeds()
    {
        var contents = Contents();
        var (back, diags) = PlanFile.Deserialize(PlanFile.Serialize(contents), "test.plan");
        Assert.Empty(diags);
        Assert.NotNull(back);
        var (p, q) = (contents.Plan, back.Plan);
        Assert.Equal("0.1.0-test", back.ProvisionerVersion);
        Assert.Equal(Digests.OrderBy(kv => kv.Key), back.ConfigurationDigests.OrderBy(kv => kv.Key));
        Assert.Equal(p.Mode, q.Mode);
        Assert.Equal(p.PriorLineage, q.PriorLineage);
        Assert.Equal(p.PriorSerial, q.PriorSerial);
        Assert.Equal(p.Options.Mode, q.Options.Mode);
        Assert.Equal(p.Options.Refresh, q.Options.Refresh);
        Assert.Equal(p.Options.TargetList, q.Options.TargetList);
        Assert.Equal(p.Options.ReplaceList, q.Options.ReplaceList);
        Assert.Equal(p.Changes.Count, q.Changes.Count);
        for (var i = 0; i < p.Changes.Count; i++)
            AssertSameChange(p.Changes[i], q.Changes[i]);
        Assert.Equal(p.Drift.Count, q.Drift.Count);
        AssertSameChange(p.Drift[0], q.Drift[0]);
        Assert.Equal(p.OutputChanges.Count, q.OutputChanges.Count);
        for (var i = 0; i < p.OutputChanges.Count; i++)
        {
            Assert.Equal(p.OutputChanges[i].Name, q.OutputChanges[i].Name);
            Assert.Equal(p.OutputChanges[i].Action, q.OutputChanges[i].Action);
            Assert.Equal(p.OutputChanges[i].Sensitive, q.OutputChanges[i].Sensitive);
            Assert.True(p.OutputChanges[i].Before.RawEquals(q.OutputChanges[i].Before));
            Assert.True(p.OutputChanges[i].After.RawEquals(q.OutputChanges[i].After));
        }
        Assert.Equal(p.Variables.Keys.Order(StringComparer.Ordinal), q.Variables.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in p.Variables)
            Assert.True(value.RawEquals(q.Variables[name]), name);
        Assert.True(q.Variables["db_password"].IsSensitive);
        Assert.Equal(HclNumber.DoublePrecision, q.Variables["sizes"].Attributes["db"].AsNumber().Precision);
        Assert.Equal(["Deprecated attribute"], q.Diagnostics.Select(d => d.Summary));
    }

    [Fact]
    public void Serialize_IsDeterministic_AndStableThroughARoundTrip()
    {
        var first = PlanFile.Serialize(Contents());
        Assert.Equal(first, PlanFile.Serialize(Contents()));
        var (back, _) = PlanFile.Deserialize(first, "p");
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(PlanFile.Serialize(back!)));
        Assert.StartsWith("{\n  \"format\": \"provisioner-plan\",\n  \"format_version\": 1,\n  \"provisioner_version\": \"0.1.0-test\"", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public async Task WriteAsync_CreatesAnOwnerOnlyFile_ThatReadAsyncReadsBack()
    {
        var dir = Directory.CreateTempSubdirectory("planfile-test-");
        try
        {
            var path = Path.Combine(dir.FullName, "tfplan");
            await File.WriteAllTextAsync(path, "old", CancellationToken.None);
            await PlanFile.WriteAsync(path, Contents(), CancellationToken.None);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Single(Directory.GetFiles(dir.FullName));
            var (back, diags) = await PlanFile.ReadAsync(path, CancellationToken.None);
            Assert.Empty(diags);
            Assert.Equal(7, back!.Plan.PriorSerial);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsADiagnostic()
    {
        var (back, diags) = await PlanFile.ReadAsync(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "plan"), CancellationToken.None);
        Assert.Null(back);
        Assert.Contains("Failed to read plan file", diags.Single().Summary);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("resource \"a\" \"b\" {}", "not valid JSON")]
    [InlineData("[1,2]", "is not a plan file")]
    [InlineData("{\"version\":4,\"serial\":1,\"lineage\":\"x\",\"resources\":[]}", "is not a plan file")]
    [InlineData("{\"format\":\"provisioner-plan\"}", "no valid \"format_version\"")]
    [InlineData("{\"format\":\"provisioner-plan\",\"format_version\":99,\"provisioner_version\":\"9.0.0\"}", "format 99, written by Provisioner 9.0.0")]
    [InlineData("{\"format\":\"provisioner-plan\",\"format_version\":1}", "missing \"mode\"")]
    public void Deserialize_BadInput_GivesAClearError(string text, string expected)
    {
        var (back, diags) = PlanFile.Deserialize(Encoding.UTF8.GetBytes(text), "plan.out");
        Assert.Null(back);
        var d = Assert.Single(diags);
        Assert.True(d.IsError);
        Assert.Contains(expected, d.Detail);
        Assert.Contains("plan.out", d.Detail);
    }

    [Theory]
    [InlineData("\"action\": \"Create\"", "\"action\": \"Explode\"", "invalid action")]
    [InlineData("\"action\": \"Create\"", "\"action\": \"7\"", "invalid action")]
    [InlineData("\"address\": \"sim_machine.web[0]\"", "\"address\": \"sim_machine\"", "invalid resource instance address")]
    [InlineData("\"planned_private\": \"AAEC/w==\"", "\"planned_private\": \"***\"", "corrupt")]
    [InlineData("\"serial\": 7", "\"serial\": \"7\"", "corrupt")]
    [InlineData("\"value\": \"eu-west-1\"", "\"value\": 12", "invalid value for variable region")]
    public void Deserialize_TamperedFile_IsReportedAsCorrupt(string from, string to, string expected)
    {
        var text = Encoding.UTF8.GetString(PlanFile.Serialize(Contents()));
        Assert.Contains(from, text);
        var (back, diags) = PlanFile.Deserialize(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)), "plan.out");
        Assert.Null(back);
        Assert.Contains(expected, Assert.Single(diags).Detail);
    }

    [Fact]
    public void Deserialize_TruncatedFile_IsReportedNotThrown()
    {
        var bytes = PlanFile.Serialize(Contents());
        for (var cut = 1; cut < bytes.Length; cut += 97)
        {
            var (back, diags) = PlanFile.Deserialize(bytes.AsSpan(0, cut), "p");
            Assert.Null(back);
            Assert.True(diags.HasErrors);
        }
    }

    [Fact]
    public void Serialize_ContainsTheSecret_BecauseApplyNeedsIt()
    {
        // Documented: the plan file holds sensitive values (hence 0600); the plan JSON never does.
        Assert.Contains(Secret, Encoding.UTF8.GetString(PlanFile.Serialize(Contents())));
    }

    [Fact]
    public void CheckCurrent_SameStateAndConfiguration_IsClean()
    {
        Assert.Empty(PlanFile.CheckCurrent(Contents(), "0b7c4e1a-6c2f-4e3a-9c9e-1f0a2b3c4d5e", 7, Digests));
    }

    [Theory]
    [InlineData("0b7c4e1a-6c2f-4e3a-9c9e-1f0a2b3c4d5e", 8)]
    [InlineData("another-lineage", 7)]
    [InlineData(null, 0)]
    public void CheckCurrent_StateMovedOn_IsStale(string? lineage, long serial)
    {
        var d = Assert.Single(PlanFile.CheckCurrent(Contents(), lineage, serial, Digests));
        Assert.Equal("Saved plan is stale", d.Summary);
    }

    [Fact]
    public void CheckCurrent_NoStateForAPlanMadeWithoutState_IsClean()
    {
        var contents = Contents() with { Plan = FullPlan() with { PriorSerial = 0 } };
        Assert.Empty(PlanFile.CheckCurrent(contents, null, 0, Digests));
    }

    [Fact]
    public void CheckCurrent_ConfigurationChanged_ListsTheFiles()
    {
        var now = new Dictionary<string, string>
        {
            ["main.hcl"] = PlanFile.Sha256Hex("resource \"sim_machine\" \"web\" { size = 2 }"u8),
            ["extra.hcl"] = PlanFile.Sha256Hex([]),
        };
        var d = Assert.Single(PlanFile.CheckCurrent(Contents(), "0b7c4e1a-6c2f-4e3a-9c9e-1f0a2b3c4d5e", 7, now));
        Assert.Equal("Saved plan does not match the configuration", d.Summary);
        Assert.Contains("extra.hcl (added), main.hcl (changed), modules/net/main.hcl (removed)", d.Detail);
    }
}
