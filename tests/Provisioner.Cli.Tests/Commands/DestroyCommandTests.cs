namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>destroy</c> against the sim provider, each test with its own cloud.</summary>
public sealed class DestroyCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Destroy_AutoApprove_LeavesTheInventoryEmpty()
    {
        // Given
        await _ws.Ok("apply", "-auto-approve");
        Assert.Equal(4, (await _ws.Inventory()).Machines.Count);

        // When
        var r = await _ws.Run("destroy", "-auto-approve", "-no-color");

        // Then
        Assert.Equal(0, r.Code);
        Assert.Contains("Destroy complete! Resources: 5 destroyed.", r.Out);
        var cloud = await _ws.Inventory();
        Assert.Empty(cloud.Machines);
        Assert.Empty(cloud.Networks);
        Assert.Empty(await _ws.StateIds());
        Assert.Equal("", (await _ws.Ok("state", "list")).Out);
        var again = await _ws.Run("plan", "-destroy", "-detailed-exitcode");
        Assert.Equal(0, again.Code);
    }

    [Fact]
    public async Task Destroy_WithoutAutoApprove_NonTerminalInput_RefusesAndChangesNothing()
    {
        await _ws.Ok("apply", "-auto-approve");
        var state = _ws.StateBytes();

        var r = await _ws.RunWithInput("yes\n", terminal: false, "destroy");

        Assert.Equal(1, r.Code);
        Assert.Contains("error: No approval given", r.Err);
        Assert.Equal(state, _ws.StateBytes());
        Assert.Equal(4, (await _ws.Inventory()).Machines.Count);
    }

    [Fact]
    public async Task Destroy_TerminalStandIn_AsksTheDestroyQuestion_NoCancels_YesDestroys()
    {
        await _ws.Ok("apply", "-auto-approve");
        var state = _ws.StateBytes();

        var no = await _ws.RunWithInput("no\n", terminal: true, "destroy", "-no-color");

        Assert.Equal(1, no.Code);
        Assert.Contains("Do you really want to destroy all resources?", no.Out);
        Assert.Contains("Destroy cancelled.", no.Err);
        Assert.Equal(state, _ws.StateBytes());
        Assert.Equal(4, (await _ws.Inventory()).Machines.Count);

        var yes = await _ws.RunWithInput("yes\n", terminal: true, "destroy", "-no-color");

        Assert.Equal(0, yes.Code);
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Destroy_TargetNetwork_DestroysEverythingAttachedToIt_ButNotTheDataSource()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Run("destroy", "-auto-approve", "-target=sim_network.main");

        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("Destroy complete! Resources: 5 destroyed.", r.Out);
        var cloud = await _ws.Inventory();
        Assert.Empty(cloud.Machines);
        Assert.Empty(cloud.Networks);
        Assert.Equal("data.sim_image.base\n", (await _ws.Ok("state", "list")).Out);
    }

    [Fact]
    public async Task Destroy_Target_DestroysTheTargetAndWhatDependsOnIt()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Run("destroy", "-auto-approve", "-target=module.workers");

        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("Destroy complete! Resources: 2 destroyed.", r.Out);
        var cloud = await _ws.Inventory();
        Assert.Equal(["dev-cp-a", "dev-cp-b"], cloud.MachineNames);
        Assert.Single(cloud.Networks);
    }
}
