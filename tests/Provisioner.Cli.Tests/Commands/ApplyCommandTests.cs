using System.Text.Json;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>apply</c> against the sim provider, each test with its own cloud.</summary>
public sealed class ApplyCommandTests : IDisposable
{
    private static readonly string[] ClusterMachines = ["dev-cp-a", "dev-cp-b", "dev-worker-0", "dev-worker-1"];

    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Apply_AutoApprove_CreatesExactlyWhatTheInventoryLists()
    {
        // When
        var r = await _ws.Run("apply", "-auto-approve", "-no-color");

        // Then
        Assert.Equal(0, r.Code);
        Assert.Contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed.", r.Out);
        var cloud = await _ws.Inventory();
        Assert.Equal(ClusterMachines, cloud.MachineNames);
        Assert.Equal(["dev-net"], cloud.Networks.Select(n => n.Name));
        var state = await _ws.StateIds();
        Assert.Equal(
            cloud.Machines.Select(m => m.Id).Concat(cloud.Networks.Select(n => n.Id)).Order(StringComparer.Ordinal),
            state.Values.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["module.workers.sim_machine.worker[0]", "module.workers.sim_machine.worker[1]", "sim_machine.cp[\"a\"]", "sim_machine.cp[\"b\"]", "sim_network.main"],
            state.Keys.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(_ws.StatePath));
    }

    [Fact]
    public async Task Apply_Again_UpdatesInPlace_ThenReplacesOnZoneChange()
    {
        // Given
        await _ws.Ok("apply", "-auto-approve");
        var first = await _ws.StateIds();

        // When: size is updated in place
        var update = await _ws.Ok("apply", "-auto-approve", "-var", "size=medium");

        // Then
        Assert.Contains("Apply complete! Resources: 0 added, 2 changed, 0 destroyed.", update.Out);
        Assert.Equal(first, await _ws.StateIds());
        var cloud = await _ws.Inventory();
        Assert.All(cloud.Machines.Where(m => m.Name.StartsWith("dev-cp-", StringComparison.Ordinal)), m => Assert.Equal("medium", m.Size));
        Assert.True(File.Exists(_ws.StatePath + ".backup"));

        // When: zone forces replacement
        var replace = await _ws.Ok("apply", "-auto-approve", "-var", "size=medium", "-var", "zone=zone-b");

        // Then
        Assert.Contains("Apply complete! Resources: 2 added, 0 changed, 2 destroyed.", replace.Out);
        var after = await _ws.StateIds();
        Assert.NotEqual(first["sim_machine.cp[\"a\"]"], after["sim_machine.cp[\"a\"]"]);
        Assert.NotEqual(first["sim_machine.cp[\"b\"]"], after["sim_machine.cp[\"b\"]"]);
        Assert.Equal(first["module.workers.sim_machine.worker[0]"], after["module.workers.sim_machine.worker[0]"]);
        cloud = await _ws.Inventory();
        Assert.Equal(ClusterMachines, cloud.MachineNames);
        Assert.DoesNotContain(cloud.Machines, m => m.Id == first["sim_machine.cp[\"a\"]"]);
        Assert.All(cloud.Machines.Where(m => m.Name.StartsWith("dev-cp-", StringComparison.Ordinal)), m => Assert.Equal("zone-b", m.Zone));
        Assert.Equal(0, (await _ws.Run("plan", "-detailed-exitcode", "-var", "size=medium", "-var", "zone=zone-b")).Code);
    }

    [Fact]
    public async Task Apply_SavedPlan_AppliesWithoutAsking_ThenIsStale()
    {
        // Given
        await _ws.Ok("plan", "-out=cluster.plan");

        // When
        var r = await _ws.Run("apply", "cluster.plan");

        // Then
        Assert.Equal(0, r.Code);
        Assert.DoesNotContain("Do you want to perform these actions?", r.Out);
        Assert.Contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed.", r.Out);
        Assert.Equal(ClusterMachines, (await _ws.Inventory()).MachineNames);

        // When: the same plan again, after the apply it was made for
        var stateBefore = _ws.StateBytes();
        var again = await _ws.Run("apply", "cluster.plan");

        // Then
        Assert.Equal(1, again.Code);
        Assert.Contains("error: Saved plan is stale", again.Err);
        Assert.Equal(stateBefore, _ws.StateBytes());
        Assert.Equal(4, (await _ws.Inventory()).Machines.Count);
    }

    [Fact]
    public async Task Apply_SavedPlan_RefusedAfterAnotherApply()
    {
        await _ws.Ok("apply", "-auto-approve");
        await _ws.Ok("plan", "-out=bigger.plan", "-var", "size=large");
        await _ws.Ok("apply", "-auto-approve", "-var", "size=medium");
        var stateBefore = _ws.StateBytes();

        var r = await _ws.Run("apply", "bigger.plan");

        Assert.Equal(1, r.Code);
        Assert.Contains("Saved plan is stale", r.Err);
        Assert.Equal(stateBefore, _ws.StateBytes());
        Assert.All((await _ws.Inventory()).Machines.Where(m => m.Name.StartsWith("dev-cp-", StringComparison.Ordinal)), m => Assert.Equal("medium", m.Size));
    }

    [Fact]
    public async Task Apply_SavedPlan_RefusedAfterAConfigurationEdit()
    {
        await _ws.Ok("plan", "-out=cluster.plan");
        _ws.Write("modules/workers/main.hcl", _ws.Read("modules/workers/main.hcl").Replace("role = \"worker\"", "role = \"node\"", StringComparison.Ordinal));

        var r = await _ws.Run("apply", "cluster.plan");

        Assert.Equal(1, r.Code);
        Assert.Contains("error: Saved plan does not match the configuration", r.Err);
        Assert.Contains("modules/workers/main.hcl", r.Err.Replace('\\', '/'));
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Apply_WithoutAutoApprove_NonTerminalInput_RefusesAndChangesNothing()
    {
        var r = await _ws.RunWithInput("yes\n", terminal: false, "apply");

        Assert.Equal(1, r.Code);
        Assert.Contains("error: No approval given", r.Err);
        Assert.Contains("-auto-approve", r.Err);
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Apply_InputFalse_RefusesEvenOnATerminal()
    {
        var r = await _ws.RunWithInput("yes\n", terminal: true, "apply", "-input=false");

        Assert.Equal(1, r.Code);
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Apply_TerminalStandIn_Yes_Applies()
    {
        var r = await _ws.RunWithInput("yes\n", terminal: true, "apply", "-no-color");

        Assert.Equal(0, r.Code);
        Assert.Contains("Do you want to perform these actions?", r.Out);
        Assert.True(r.Out.IndexOf("Plan: 5 to add", StringComparison.Ordinal) < r.Out.IndexOf("Do you want to perform these actions?", StringComparison.Ordinal));
        Assert.Contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed.", r.Out);
        Assert.Equal(ClusterMachines, (await _ws.Inventory()).MachineNames);
    }

    [Fact]
    public async Task Apply_TerminalStandIn_No_Cancels()
    {
        var r = await _ws.RunWithInput("no\n", terminal: true, "apply", "-no-color");

        Assert.Equal(1, r.Code);
        Assert.Contains("Do you want to perform these actions?", r.Out);
        Assert.Contains("Apply cancelled.", r.Err);
        Assert.DoesNotContain("Apply complete!", r.Out);
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Apply_Json_IsOneDocumentedEventPerLine()
    {
        var r = await _ws.Run("apply", "-auto-approve", "-json");

        Assert.Equal(0, r.Code);
        var events = PlanApplyWorkspace.JsonLines(r.Out);
        var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(5, types.Count(t => t == "apply_start"));
        Assert.Equal(5, types.Count(t => t == "apply_complete"));
        var completes = events.Where(e => e.GetProperty("type").GetString() == "apply_complete").ToList();
        Assert.All(completes, c => Assert.Equal("create", c.GetProperty("hook").GetProperty("action").GetString()));
        var ids = completes.Select(c => c.GetProperty("hook").GetProperty("id_value").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal((await _ws.StateIds()).Values.Order(StringComparer.Ordinal), ids);
        var summaries = events.Where(e => e.GetProperty("type").GetString() == "change_summary").Select(e => e.GetProperty("changes")).ToList();
        Assert.Equal(["plan", "apply"], summaries.Select(s => s.GetProperty("operation").GetString()));
        Assert.Equal(5, summaries[1].GetProperty("add").GetInt32());
        Assert.Equal(0, summaries[1].GetProperty("failed").GetInt32());
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
    }

    [Fact]
    public async Task Apply_ThenOutputJson_HasTheValues()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Ok("output", "-json");

        using var doc = JsonDocument.Parse(r.Out);
        var ids = await _ws.StateIds();
        var workers = doc.RootElement.GetProperty("worker_ids").GetProperty("value").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([ids["module.workers.sim_machine.worker[0]"], ids["module.workers.sim_machine.worker[1]"]], workers);
        var cp = doc.RootElement.GetProperty("cp_addresses").GetProperty("value");
        Assert.Matches(@"^10\.42\.0\.\d+$", cp.GetProperty("a").GetString());
        Assert.NotEqual(cp.GetProperty("a").GetString(), cp.GetProperty("b").GetString());
        Assert.True(doc.RootElement.GetProperty("admin_password").GetProperty("sensitive").GetBoolean());
        var human = await _ws.Ok("output");
        Assert.Contains("admin_password = <sensitive>", human.Out);
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, human.Out);
    }

    [Fact]
    public async Task Apply_Target_CreatesOnlyTheTargetAndItsDependencies()
    {
        var r = await _ws.Run("apply", "-auto-approve", "-target=module.workers");

        Assert.Equal(0, r.Code);
        Assert.Contains("Resource targeting is in effect", r.Err);
        var cloud = await _ws.Inventory();
        Assert.Equal(["dev-worker-0", "dev-worker-1"], cloud.MachineNames);
        Assert.Single(cloud.Networks);
        var rest = await _ws.Run("plan", "-detailed-exitcode");
        Assert.Equal(2, rest.Code);
        Assert.Contains("Plan: 2 to add, 0 to change, 0 to destroy.", rest.Out);
    }

    [Fact]
    public async Task Apply_Replace_GivesTheInstanceANewMachine()
    {
        await _ws.Ok("apply", "-auto-approve");
        var before = await _ws.StateIds();

        var r = await _ws.Ok("apply", "-auto-approve", "-replace=module.workers.sim_machine.worker[0]");

        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.", r.Out);
        var after = await _ws.StateIds();
        Assert.NotEqual(before["module.workers.sim_machine.worker[0]"], after["module.workers.sim_machine.worker[0]"]);
        Assert.Equal(before["module.workers.sim_machine.worker[1]"], after["module.workers.sim_machine.worker[1]"]);
        var cloud = await _ws.Inventory();
        Assert.Equal(ClusterMachines, cloud.MachineNames);
        Assert.Contains(cloud.Machines, m => m.Id == after["module.workers.sim_machine.worker[0]"]);
    }
}
