namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>console</c> reads expressions from standard input.</summary>
public sealed class ConsoleCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Console_EvaluatesExpressionsAgainstConfigurationAndState()
    {
        // Given
        await _ws.Ok("apply", "-auto-approve");
        var ids = await _ws.StateIds();

        // When
        var r = await _ws.RunWithInput(
            "var.environment\nupper(var.zone)\nsim_machine.cp[\"a\"].name\nsim_machine.cp[\"b\"].id\nlength(module.workers.ids)\nvar.admin_password\n1 + 2\n",
            terminal: false, "console");

        // Then
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.Equal(
            ["\"dev\"", "\"ZONE-A\"", "\"dev-cp-a\"", $"\"{ids["sim_machine.cp[\"b\"]"]}\"", "2", "(sensitive value)", "3"],
            r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
    }

    [Fact]
    public async Task Console_FailedExpression_FromPipe_Exits1_AndGoesOn()
    {
        var r = await _ws.RunWithInput("var.nope\nvar.worker_count * 2\n", terminal: false, "console");

        Assert.Equal(1, r.Code);
        Assert.StartsWith("<console-input>:1:1: error: Reference to undeclared input variable", r.Err);
        Assert.Contains("An input variable with the name \"nope\" has not been declared.", r.Err);
        Assert.Equal("4\n", r.Out);
    }

    [Fact]
    public async Task Console_MisspeltVariable_SuggestsTheDeclaredOne()
    {
        var r = await _ws.RunWithInput("var.worker_cont + 1\n", terminal: false, "console");

        Assert.Equal(1, r.Code);
        Assert.Contains("\"worker_cont\" has not been declared. Did you mean \"worker_count\"?", r.Err);
    }

    [Fact]
    public async Task Console_ExitStops_AndChangesNothing()
    {
        var r = await _ws.RunWithInput("var.worker_count\nexit\nvar.nope\n", terminal: false, "console");

        Assert.Equal(0, r.Code);
        Assert.Equal("2\n", r.Out);
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }
}
