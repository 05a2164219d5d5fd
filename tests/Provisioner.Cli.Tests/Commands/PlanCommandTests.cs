using System.Text.RegularExpressions;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>plan</c> against the sim provider, each test with its own cloud.</summary>
public sealed partial class PlanCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Plan_FreshConfiguration_MatchesGolden_AndCreatesNothing()
    {
        // When
        var r = await _ws.Run("plan", "-no-color");

        // Then: the output is deterministic (no state, image ids are hashes of names), so it is a snapshot.
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        var golden = File.ReadAllText(PlanApplyWorkspace.Fixture("cluster_plan.txt")).ReplaceLineEndings("\n");
        Assert.Equal(golden, r.Out);
        Assert.StartsWith("Plan: 5 to add, 0 to change, 0 to destroy.\n", r.Out);
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
        Assert.Empty((await _ws.Inventory()).Machines);
        Assert.False(File.Exists(_ws.StatePath));
    }

    [Fact]
    public async Task Plan_ReplaceAndUpdate_MatchesNormalisedGolden()
    {
        // Given
        await _ws.Ok("apply", "-auto-approve");

        // When
        var r = await _ws.Run("plan", "-no-color", "-var", "zone=zone-b", "-var", "size=medium");

        // Then: refresh lines (their order varies), timestamps, ids and addresses (they depend on creation order) normalised.
        Assert.Equal(0, r.Code);
        var lines = r.Out.Split('\n').Where(l => !l.Contains("Refreshing state...", StringComparison.Ordinal));
        var normalised = Normalise(string.Join('\n', lines));
        var golden = File.ReadAllText(PlanApplyWorkspace.Fixture("cluster_plan_replace.txt")).ReplaceLineEndings("\n");
        Assert.Equal(golden, normalised);
    }

    private static string Normalise(string text)
    {
        text = Regex.Replace(text, @"\d{4}-\d\d-\d\dT[\d:.]+Z", "<timestamp>");
        text = Regex.Replace(text, "m-[0-9a-f]{8}", "m-<id>");
        text = Regex.Replace(text, "net-[0-9a-f]{8}", "net-<id>");
        return Regex.Replace(text, @"10\.42\.0\.\d+", "10.42.0.<n>");
    }

    [Fact]
    public async Task Plan_DetailedExitcode_0WhenInSync_2AfterVariableChange_1OnError()
    {
        // Given
        await _ws.Ok("apply", "-auto-approve");

        // When / Then
        var same = await _ws.Run("plan", "-detailed-exitcode");
        Assert.Equal(0, same.Code);
        Assert.Contains("No changes. Your infrastructure matches the configuration.", same.Out);

        var changed = await _ws.Run("plan", "-detailed-exitcode", "-var", "size=medium");
        Assert.Equal(2, changed.Code);
        Assert.Contains("Plan: 0 to add, 2 to change, 0 to destroy.", changed.Out);
        Assert.Matches(@"~ size +=\s""small"" -> ""medium""", changed.Out);

        var zone = await _ws.Run("plan", "-detailed-exitcode", "-var", "zone=zone-b");
        Assert.Equal(2, zone.Code);
        Assert.Contains("Plan: 2 to add, 0 to change, 2 to destroy.", zone.Out);
        Assert.Matches(@"~ zone +=\s""zone-a"" -> ""zone-b"" # forces replacement", zone.Out);

        var broken = await _ws.Run("plan", "-detailed-exitcode", "-var", "worker_count=lots");
        Assert.Equal(1, broken.Code);
    }

    [Fact]
    public async Task Plan_Json_IsOneDocumentedEventPerLine_WithoutValues()
    {
        // When
        var r = await _ws.Run("plan", "-json");

        // Then
        Assert.Equal(0, r.Code);
        var events = PlanApplyWorkspace.JsonLines(r.Out);
        var changes = events.Where(e => e.GetProperty("type").GetString() == "planned_change").ToList();
        Assert.Equal(5, changes.Count);
        Assert.All(changes, c => Assert.Equal("create", c.GetProperty("change").GetProperty("action").GetString()));
        var worker = changes.Single(c => c.GetProperty("change").GetProperty("resource").GetProperty("addr").GetString() == "module.workers.sim_machine.worker[1]");
        var resource = worker.GetProperty("change").GetProperty("resource");
        Assert.Equal("module.workers", resource.GetProperty("module").GetString());
        Assert.Equal("sim_machine", resource.GetProperty("resource_type").GetString());
        Assert.Equal("worker", resource.GetProperty("resource_name").GetString());
        Assert.Equal("sim", resource.GetProperty("implied_provider").GetString());
        var summary = events.Single(e => e.GetProperty("type").GetString() == "change_summary").GetProperty("changes");
        Assert.Equal(5, summary.GetProperty("add").GetInt32());
        Assert.Equal(0, summary.GetProperty("change").GetInt32());
        Assert.Equal(0, summary.GetProperty("remove").GetInt32());
        Assert.Equal("plan", summary.GetProperty("operation").GetString());
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
        Assert.DoesNotContain("dev-cp-a", r.Out);
    }

    [Fact]
    public async Task Plan_Target_PlansOnlyTheTargetAndItsDependencies_WithWarning()
    {
        var r = await _ws.Run("plan", "-target=module.workers");

        Assert.Equal(0, r.Code);
        Assert.Contains("Plan: 3 to add, 0 to change, 0 to destroy.", r.Out);
        Assert.Contains("# sim_network.main will be created", r.Out);
        Assert.Contains("# module.workers.sim_machine.worker[0] will be created", r.Out);
        Assert.DoesNotContain("sim_machine.cp", r.Out);
        Assert.Contains("Resource targeting is in effect", r.Err);
    }

    [Fact]
    public async Task Plan_Replace_ReplacesTheInstanceAsRequested()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Run("plan", "-replace=sim_machine.cp[\"a\"]");

        Assert.Equal(0, r.Code);
        Assert.Contains("Plan: 1 to add, 0 to change, 1 to destroy.", r.Out);
        Assert.Contains("# sim_machine.cp[\"a\"] will be replaced, as requested", r.Out);
        Assert.DoesNotContain("sim_machine.cp[\"b\"]", r.Out);
    }

    [Fact]
    public async Task Plan_Out_SavesAPlanThatShowReads()
    {
        var r = await _ws.Run("plan", "-out=cluster.plan");

        Assert.Equal(0, r.Code);
        Assert.True(File.Exists(Path.Combine(_ws.Dir, "cluster.plan")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_ws.Dir, "cluster.plan")));
        var shown = await _ws.Ok("show", "-no-color", "cluster.plan");
        Assert.Contains("Plan: 5 to add, 0 to change, 0 to destroy.", shown.Out);
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task RefreshOnly_RecordsAMachineDeletedOutside_AndChangesNothingInTheCloud()
    {
        // Given: applied, then a worker deleted through the simulated cloud's own API (outside Provisioner)
        await _ws.Ok("apply", "-auto-approve");
        var ids = await _ws.StateIds();
        var gone = ids["module.workers.sim_machine.worker[1]"];
        using (var cloud = _ws.OpenCloud())
            Assert.True((await cloud.DeleteMachineAsync(gone, "deleted-outside", CancellationToken.None)).Value);
        var before = await _ws.Inventory();

        // When
        var plan = await _ws.Run("plan", "-refresh-only", "-no-color");
        var apply = await _ws.Run("apply", "-refresh-only", "-auto-approve", "-no-color");

        // Then
        Assert.Equal(0, plan.Code);
        Assert.Contains("Objects have changed outside of Provisioner", plan.Out);
        Assert.Contains("module.workers.sim_machine.worker[1]", plan.Out);
        Assert.Equal(0, apply.Code);
        var after = await _ws.StateIds();
        Assert.DoesNotContain("module.workers.sim_machine.worker[1]", after.Keys);
        Assert.Equal(4, after.Count);
        Assert.Equal(before, await _ws.Inventory(), SimTruthComparer.Instance);
        var normal = await _ws.Run("plan", "-detailed-exitcode");
        Assert.Equal(2, normal.Code);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", normal.Out);
    }

    [Fact]
    public async Task RefreshOnly_BeforeAnythingExists_FindsNoChanges()
    {
        // Outputs refer to attributes of machines that are not created yet: unknown, not an error.
        var plan = await _ws.Run("plan", "-refresh-only", "-detailed-exitcode");

        Assert.True(plan.Code == 0, plan.Err);
        Assert.Contains("No changes.", plan.Out);
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Plan_Destroy_PlansEveryRecordedObject()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Run("plan", "-destroy", "-detailed-exitcode");

        Assert.Equal(2, r.Code);
        Assert.Contains("Plan: 0 to add, 0 to change, 5 to destroy.", r.Out);
        Assert.Equal(5, (await _ws.Inventory()).Machines.Count + (await _ws.Inventory()).Networks.Count);
    }

    [Fact]
    public async Task Plan_TimestampsInNonTerminalOutput_AreUtc()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Run("plan");

        var refreshing = r.Out.Split('\n').Where(l => l.Contains("Refreshing state...", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refreshing.Count);
        Assert.All(refreshing, l => Assert.Matches(UtcLine(), l));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ")]
    private static partial Regex UtcLine();

    private sealed class SimTruthComparer : IEqualityComparer<PlanApplyWorkspace.SimTruth>
    {
        public static readonly SimTruthComparer Instance = new();

        public bool Equals(PlanApplyWorkspace.SimTruth? x, PlanApplyWorkspace.SimTruth? y) =>
            x is not null && y is not null && x.Machines.SequenceEqual(y.Machines) && x.Networks.SequenceEqual(y.Networks);

        public int GetHashCode(PlanApplyWorkspace.SimTruth obj) => obj.Machines.Count;
    }
}
