namespace Provisioner.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsOneWithMessage()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["frobnicate"], stdout, stderr, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains("frobnicate", stderr.ToString());
    }
}
