namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>import</c> adopts a machine that another configuration created in the same simulated cloud.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string Legacy = """

        resource "sim_machine" "legacy" {
          name = "legacy-db"
          size = "large"
        }
        """;

    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    /// <summary>Another configuration (its own state, in <c>other/</c>) creates a machine in this workspace's cloud.</summary>
    private async Task<string> CreateElsewhere()
    {
        Directory.CreateDirectory(Path.Combine(_ws.Dir, "other"));
        _ws.Write("other/main.hcl", "provider \"sim\" {\n  inventory_dir = \"../.sim\"\n}\n" + Legacy);
        await _ws.Ok("-chdir=other", "apply", "-auto-approve");
        return Assert.Single((await _ws.Inventory()).Machines, m => m.Name == "legacy-db").Id;
    }

    [Fact]
    public async Task Import_AdoptsAMachineCreatedElsewhere_ThenPlanCreatesNothingForIt()
    {
        // Given
        var id = await CreateElsewhere();
        await _ws.Ok("apply", "-auto-approve");
        _ws.Write("main.hcl", _ws.Read("main.hcl") + Legacy);
        var before = await _ws.Run("plan", "-no-color");
        Assert.Contains("# sim_machine.legacy will be created", before.Out);

        // When
        var r = await _ws.Run("import", "-no-color", "sim_machine.legacy", id);

        // Then
        Assert.Equal(0, r.Code);
        Assert.Contains("Import successful!", r.Out);
        Assert.Equal(id, (await _ws.StateIds())["sim_machine.legacy"]);
        var plan = await _ws.Run("plan", "-detailed-exitcode", "-no-color");
        Assert.Equal(0, plan.Code);
        Assert.DoesNotContain("sim_machine.legacy will be created", plan.Out);
        Assert.Equal(5, (await _ws.Inventory()).Machines.Count);
    }

    [Fact]
    public async Task Import_AddressAlreadyInState_IsRefused_StateUntouched()
    {
        var id = await CreateElsewhere();
        _ws.Write("main.hcl", _ws.Read("main.hcl") + Legacy);
        await _ws.Ok("import", "sim_machine.legacy", id);
        var state = _ws.StateBytes();

        var r = await _ws.Run("import", "sim_machine.legacy", id);

        Assert.Equal(1, r.Code);
        Assert.Contains("Resource already managed by Provisioner", r.Err);
        Assert.Equal(state, _ws.StateBytes());
    }

    [Fact]
    public async Task Import_WithoutResourceBlock_Or_UnknownId_Fails()
    {
        var id = await CreateElsewhere();

        var noBlock = await _ws.Run("import", "sim_machine.legacy", id);
        Assert.Equal(1, noBlock.Code);
        Assert.Contains("Configuration for import target does not exist", noBlock.Err);

        _ws.Write("main.hcl", _ws.Read("main.hcl") + Legacy);
        var unknown = await _ws.Run("import", "sim_machine.legacy", "m-0000ffff");
        Assert.Equal(1, unknown.Code);
        Assert.False(File.Exists(_ws.StatePath));
    }
}
