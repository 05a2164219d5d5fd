namespace Provisioner.Cli.Tests.Commands;

/// <summary>
/// <c>init</c> and the backend block: bad blocks are positioned errors, a changed backend is refused until
/// <c>init -migrate-state</c> (or <c>-reconfigure</c>), and migration moves every workspace's state.
/// </summary>
public sealed class InitBackendTests
{
    private const string MovedBackend = """
        provisioner {
          backend "local" {
            path          = "states/main.json"
            workspace_dir = "states/ws"
          }
        }
        """;

    [Fact]
    public async Task MigrateStateMovesEveryWorkspace()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        await ws.Ok("workspace", "new", "dev");
        await ws.Ok("apply", "-auto-approve");
        await ws.Ok("workspace", "select", "default");
        ws.Write("backend.hcl", MovedBackend);

        var refused = await ws.Run("plan");
        Assert.Equal(1, refused.Code);
        Assert.Contains("backend.hcl:2:3: error: Backend initialization required", refused.Err);
        var needsFlag = await ws.Run("init");
        Assert.Equal(1, needsFlag.Code);
        Assert.Contains("init -migrate-state", needsFlag.Err);

        var init = await ws.Ok("init", "-migrate-state");
        Assert.Contains("Workspace \"default\": moved", init.Out);
        Assert.Contains("Workspace \"dev\": moved", init.Out);
        Assert.True(File.Exists(Path.Combine(ws.Dir, "states", "main.json")));
        Assert.True(File.Exists(Path.Combine(ws.Dir, "states", "ws", "dev", "provisioner.state.json")));
        Assert.Contains("No changes", (await ws.Ok("plan")).Out);
        await ws.Ok("workspace", "select", "dev");
        Assert.Contains("No changes", (await ws.Ok("plan")).Out);
    }

    [Fact]
    public async Task ReconfigureUsesTheNewBackendWithoutMoving()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        ws.Write("backend.hcl", MovedBackend);
        var both = await ws.Run("init", "-migrate-state", "-reconfigure");
        Assert.Equal(1, both.Code);
        await ws.Ok("init", "-reconfigure");
        Assert.False(File.Exists(Path.Combine(ws.Dir, "states", "main.json")));
        Assert.Contains("to add", (await ws.Ok("plan")).Out);
    }

    [Fact]
    public async Task BadBackendBlocksArePositionedErrors()
    {
        using var ws = PlanApplyWorkspace.Create();
        ws.Write("backend.hcl", "provisioner {\n  backend \"nosuch\" {}\n}\n");
        var unknown = await ws.Run("init");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("backend.hcl:2:11: error: Unsupported backend type", unknown.Err);
        Assert.Contains("\"local\"", unknown.Err);

        ws.Write("backend.hcl", "provisioner {\n  backend \"local\" {\n    path = var.x\n    nope = 1\n    workspace_dir = [1]\n  }\n}\n");
        var bad = await ws.Run("state", "list");
        Assert.Equal(1, bad.Code);
        Assert.Contains("backend.hcl:3:12: error: Invalid backend argument", bad.Err);
        Assert.Contains("backend.hcl:4:5: error: Unsupported argument", bad.Err);
        Assert.Contains("backend.hcl:5:21: error: Incorrect attribute value type", bad.Err);
        Assert.DoesNotContain("   at ", bad.Err);
    }

    [Fact]
    public async Task StateOptionIsForTheLocalBackendOnly()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        var copy = Path.Combine(ws.Dir, "copy.json");
        File.Copy(ws.StatePath, copy);
        Assert.Contains("sim_", (await ws.Ok("state", "list", "-state=copy.json")).Out);
    }
}
