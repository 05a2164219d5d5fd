namespace Provisioner.Cli.Tests.Commands;

/// <summary><c>workspace list|show|new|select|delete</c> over the local backend: one state per workspace.</summary>
public sealed class WorkspaceCommandTests
{
    [Fact]
    public async Task EachWorkspaceHasItsOwnState()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        var defaultState = ws.StateBytes();
        Assert.Equal("* default\n", (await ws.Ok("workspace", "list")).Out.Replace("\r", "", StringComparison.Ordinal));

        var created = await ws.Ok("workspace", "new", "staging");
        Assert.Contains("Created and switched to workspace \"staging\"", created.Out);
        Assert.Equal("staging\n", (await ws.Ok("workspace", "show")).Out);
        var plan = await ws.Ok("plan");
        Assert.Contains("to add", plan.Out); // a fresh, empty state: everything is new here
        await ws.Ok("apply", "-auto-approve");
        var staging = Path.Combine(ws.Dir, "provisioner.state.d", "staging", "provisioner.state.json");
        Assert.True(File.Exists(staging));
        Assert.Equal(defaultState, ws.StateBytes()); // the default workspace's state was not touched

        Assert.Equal("  default\n* staging\n", (await ws.Ok("workspace", "list")).Out);
        var dup = await ws.Run("workspace", "new", "staging");
        Assert.Equal(1, dup.Code);
        Assert.Contains("already exists", dup.Err);

        await ws.Ok("workspace", "select", "default");
        Assert.Contains("No changes", (await ws.Ok("plan")).Out);
        var notEmpty = await ws.Run("workspace", "delete", "staging");
        Assert.Equal(1, notEmpty.Code);
        Assert.Contains("still records", notEmpty.Err);
        Assert.True(File.Exists(staging));
        await ws.Ok("workspace", "delete", "-force", "staging");
        Assert.False(File.Exists(staging));
        Assert.Equal("* default\n", (await ws.Ok("workspace", "list")).Out);
    }

    [Fact]
    public async Task RefusalsAreClear()
    {
        using var ws = PlanApplyWorkspace.Create();
        var missing = await ws.Run("workspace", "select", "nope");
        Assert.Equal(1, missing.Code);
        Assert.Contains("Workspace \"nope\" doesn't exist", missing.Err);
        var bad = await ws.Run("workspace", "new", "a/b");
        Assert.Equal(1, bad.Code);
        Assert.Contains("Invalid workspace name", bad.Err);
        var def = await ws.Run("workspace", "delete", "default");
        Assert.Equal(1, def.Code);
        Assert.Contains("cannot be deleted", def.Err);
        await ws.Ok("workspace", "select", "-or-create", "dev");
        var current = await ws.Run("workspace", "delete", "dev");
        Assert.Equal(1, current.Code);
        Assert.Contains("is selected", current.Err);
    }
}
