namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>init</c> lists modules, the state location and providers.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Init_ListsModulesBackendAndBuiltInProviders()
    {
        var r = await _ws.Run("init", "-no-color");

        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.Contains("- workers in modules/workers", r.Out.Replace('\\', '/'));
        Assert.Contains("- local: state in provisioner.state.json", r.Out);
        Assert.Contains("- Using built-in provider \"sim\"", r.Out);
        Assert.Contains("Provisioner has been successfully initialized!", r.Out);
        Assert.False(File.Exists(_ws.StatePath));
        Assert.Empty((await _ws.Inventory()).Machines);
    }

    [Fact]
    public async Task Init_UnknownProvider_Exits1()
    {
        _ws.Write("extra.hcl", "resource \"aws_instance\" \"x\" {\n  ami = \"a\"\n}\n");

        var r = await _ws.Run("init");

        Assert.Equal(1, r.Code);
        Assert.Contains("aws", r.Err);
        Assert.Contains("extra.hcl:1:", r.Err);
    }
}
