using Provisioner.Cli.Tests.Commands;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>Points a test workspace at a remote backend and checks what it holds, through the CLI itself.</summary>
internal static class RemoteBackendSetup
{
    public static async Task InitAsync(PlanApplyWorkspace ws, string backendBlock)
    {
        ws.Write("backend.hcl", backendBlock);
        await ws.Ok("init", "-no-color");
    }

    /// <summary>The state a killed run left loads without error (<c>state pull</c> reads and decodes it).</summary>
    public static async Task CheckLoadableAsync(PlanApplyWorkspace ws, string round)
    {
        var pull = await ws.Run("state", "pull");
        Assert.True(pull.Code == 0, $"{round}: {pull.Err}");
    }
}
