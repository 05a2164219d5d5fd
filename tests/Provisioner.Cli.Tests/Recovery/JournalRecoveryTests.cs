using System.Text.Json;
using Provisioner.Cli.Tests.Commands;
using Provisioner.Engine.Execution;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk.Protocol;
using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// Recovery of an interrupted apply: a journal with an intent and no result stands for a run killed during the
/// provider call; the next plan asks the sim provider what became of the call and adopts or retires it.
/// </summary>
public sealed class JournalRecoveryTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create("fleet");

    public void Dispose() => _ws.Dispose();

    private string JournalPath => _ws.StatePath + ".journal";

    private StateSnapshot ReadState()
    {
        var r = StateJson.Read(File.ReadAllBytes(_ws.StatePath));
        Assert.True(r.IsSuccess, r.Error);
        return r.Snapshot;
    }

    private void WriteIntent(StateSnapshot state, string kind, long index, string token, long generation, IReadOnlyList<string>? dependencies = null)
    {
        using var w = JournalWriter.Open(JournalPath);
        w.AppendIntent(new JournalIntent(0, state.Lineage, state.Serial, $"sim_machine.m[{index}]", "", "sim_machine", "m", "list", index, null,
            kind, token, generation, "sim", null, null, null, dependencies));
    }

    [Fact]
    public async Task Plan_AfterCrashDuringCreateThatTookEffect_AdoptsTheMachine_NoDuplicate()
    {
        // Given: 3 machines applied; then a run creating m[3] was killed after the cloud created it, before the result was journalled
        await _ws.Ok("apply", "-auto-approve");
        var state = ReadState();
        var token = Executor.IdempotencyToken(state.Lineage, "sim_machine.m[3]", null, ChangeKind.Create, state.Serial + 1);
        using (var cloud = _ws.OpenCloud())
        {
            var created = await cloud.CreateMachineAsync(token, new MachineSpec("m-3", null, "small", "zone-a", null, new Dictionary<string, string>()), CancellationToken.None);
            Assert.False(created.IsError);
        }
        WriteIntent(state, JournalIntent.Create, 3, token, state.Serial + 1, ["sim_network.net"]);

        // When
        var plan = await _ws.Ok("plan", "-no-color", "-var", "machines=4");
        var adopted = ReadState().FindResource("sim_machine.m")!.Instances.Single(i => i.Key is 3L);
        Assert.Equal(["sim_network.net"], adopted.Dependencies); // kept from the intent

        // Then
        Assert.Contains("Recovered 1 operation interrupted by a previous run: sim_machine.m[3] (create, adopted).", plan.Out);
        Assert.Contains("No changes.", plan.Out);
        Assert.False(File.Exists(JournalPath));
        Assert.Equal(state.Serial + 1, ReadState().Serial);
        Assert.True(File.Exists(_ws.StatePath + ".backup"));
        var cloudMachines = (await _ws.Inventory()).Machines;
        Assert.Equal(["m-0", "m-1", "m-2", "m-3"], cloudMachines.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(cloudMachines.Select(m => m.Id).Order(StringComparer.Ordinal), (await _ws.StateIds()).Values.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _ws.Run("apply", "-auto-approve", "-var", "machines=4")).Code);
        Assert.Equal(4, (await _ws.Inventory()).Machines.Count);
    }

    [Fact]
    public async Task Plan_AfterCrashBeforeCreateTookEffect_RetiresTheIntent_ThenApplyCreatesOnce()
    {
        // Given: the journal says m[3] was about to be created, but the cloud never saw the call
        await _ws.Ok("apply", "-auto-approve");
        var state = ReadState();
        var token = Executor.IdempotencyToken(state.Lineage, "sim_machine.m[3]", null, ChangeKind.Create, state.Serial + 1);
        WriteIntent(state, JournalIntent.Create, 3, token, state.Serial + 1);

        // When
        var plan = await _ws.Ok("plan", "-no-color", "-var", "machines=4");

        // Then
        Assert.Contains("sim_machine.m[3] (create, not applied, retired)", plan.Out);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", plan.Out);
        Assert.False(File.Exists(JournalPath));
        await _ws.Ok("apply", "-auto-approve", "-var", "machines=4");
        var machines = (await _ws.Inventory()).Machines;
        Assert.Equal(["m-0", "m-1", "m-2", "m-3"], machines.Select(m => m.Name).Order(StringComparer.Ordinal));
        using var cloud = _ws.OpenCloud();
        var op = await cloud.GetOperationAsync(token, CancellationToken.None);
        Assert.Null(op.Value); // the retired call never reached the cloud; the new create went out under the new serial's token
    }

    [Fact]
    public async Task Plan_AfterCrashDuringDelete_RemovesTheDeletedMachineFromState()
    {
        // Given: 4 machines; a run shrinking to 3 was killed after the cloud deleted m[3]
        await _ws.Ok("apply", "-auto-approve", "-var", "machines=4");
        var state = ReadState();
        var m3 = state.Resources.Single().Instances.Single(i => Equals(i.Key, 3L));
        var id = JsonDocument.Parse(m3.AttributesJson).RootElement.GetProperty("id").GetString()!;
        var token = Executor.IdempotencyToken(state.Lineage, "sim_machine.m[3]", null, ChangeKind.Delete, m3.Generation);
        using (var cloud = _ws.OpenCloud())
            Assert.False((await cloud.DeleteMachineAsync(id, token, CancellationToken.None)).IsError);
        WriteIntent(state, JournalIntent.Delete, 3, token, m3.Generation);

        // When
        var plan = await _ws.Ok("plan", "-no-color");

        // Then
        Assert.Contains("sim_machine.m[3] (delete, completed, removed)", plan.Out);
        Assert.Contains("No changes.", plan.Out);
        Assert.Equal(3, (await _ws.StateIds()).Count);
    }

    [Fact]
    public async Task Plan_WhenTheProviderCannotBeAsked_FailsClearly_KeepsJournalAndState()
    {
        // Given: an intent for a provider configuration the configuration no longer has
        await _ws.Ok("apply", "-auto-approve");
        var state = ReadState();
        using (var w = JournalWriter.Open(JournalPath))
        {
            w.AppendIntent(new JournalIntent(0, state.Lineage, state.Serial, "sim_machine.m[3]", "", "sim_machine", "m", "list", 3L, null,
                JournalIntent.Create, "pv-0123", state.Serial + 1, "sim.gone", null, null, null));
        }
        var before = File.ReadAllBytes(_ws.StatePath);

        // When
        var plan = await _ws.Run("plan", "-no-color");

        // Then
        Assert.Equal(1, plan.Code);
        Assert.Contains("Cannot recover an interrupted operation", plan.Err);
        Assert.Contains("\"sim.gone\"", plan.Err);
        Assert.Contains(JournalPath, plan.Err);
        Assert.True(File.Exists(JournalPath));
        Assert.Equal(before, File.ReadAllBytes(_ws.StatePath));
    }

    [Fact]
    public async Task Plan_JournalOfAnotherLineage_IsRefused()
    {
        await _ws.Ok("apply", "-auto-approve");
        var state = ReadState();
        WriteIntent(new StateSnapshot("other-lineage", state.Serial), JournalIntent.Create, 3, "pv-1", 1);

        var plan = await _ws.Run("plan", "-no-color");

        Assert.Equal(1, plan.Code);
        Assert.Contains("Apply journal belongs to another state", plan.Err);
        Assert.True(File.Exists(JournalPath));
    }

    [Fact]
    public async Task Apply_Completed_LeavesNoJournal()
    {
        await _ws.Ok("apply", "-auto-approve");
        Assert.False(File.Exists(JournalPath));
        Assert.Equal(3, (await _ws.StateIds()).Count);
    }
}
