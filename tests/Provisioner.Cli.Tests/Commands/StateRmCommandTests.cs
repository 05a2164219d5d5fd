namespace Provisioner.Cli.Tests.Commands;

public sealed class StateRmCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Rm_InstancesAndModule_RemovesThemBumpsSerialAndBacksUp()
    {
        // Given
        var original = _dir.Seed();

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "rm", "sim_machine.web[1]", "module.net", "sim_machine.web[10]");

        // Then
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            "Removed sim_machine.web[1]\nRemoved sim_machine.web[10]\nRemoved module.net.sim_subnet.s\nSuccessfully removed 3 resource instance(s).\n",
            stdout);
        var after = _dir.ReadState();
        Assert.Equal(5, after.Serial);
        Assert.Null(after.FindResource("module.net.sim_subnet.s"));
        Assert.Equal([0L, 2L], after.FindResource("sim_machine.web")!.Instances.Select(i => i.Key));
        Assert.Equal(original, File.ReadAllBytes(_dir.BackupPath));
    }

    [Fact]
    public async Task Rm_WholeResource_DropsIt()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "rm", "sim_machine.web");
        Assert.Equal(0, code);
        Assert.EndsWith("Successfully removed 4 resource instance(s).\n", stdout);
        Assert.Null(_dir.ReadState().FindResource("sim_machine.web"));
    }

    [Fact]
    public async Task Rm_DeposedObjects_GoWithTheirInstance()
    {
        _dir.Seed("deposed.json");
        var (code, stdout, _) = await _dir.Run("state", "rm", "sim_machine.db");
        Assert.Equal(0, code);
        Assert.Equal("Removed sim_machine.db\nSuccessfully removed 1 resource instance(s).\n", stdout);
        Assert.Empty(_dir.ReadState().Resources);
    }

    [Fact]
    public async Task Rm_DryRun_PrintsAndWritesNothing()
    {
        var original = _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "rm", "-dry-run", "data.sim_image.base");
        Assert.Equal(0, code);
        Assert.Equal("Would remove data.sim_image.base\nWould have removed 1 resource instance(s).\n", stdout);
        Assert.Equal(original, _dir.StateBytes());
        Assert.False(File.Exists(_dir.BackupPath));
    }

    [Fact]
    public async Task Rm_OneAddressMatchesNothing_RemovesNothing()
    {
        var original = _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run("state", "rm", "sim_machine.web[0]", "sim_machine.nope");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: Invalid target address", stderr);
        Assert.Contains("sim_machine.nope", stderr);
        Assert.Equal(original, _dir.StateBytes());
        Assert.False(File.Exists(_dir.BackupPath));
    }

    [Fact]
    public async Task Rm_InvalidAddress_RemovesNothing()
    {
        var original = _dir.Seed();
        var (code, _, stderr) = await _dir.Run("state", "rm", "sim_machine.web[");
        Assert.Equal(1, code);
        Assert.Contains("<address>:1:", stderr);
        Assert.Equal(original, _dir.StateBytes());
    }

    [Fact]
    public async Task Rm_CorruptState_IsErrorAndFileUntouched()
    {
        await File.WriteAllTextAsync(_dir.StatePath, "{ not json");
        var (code, _, stderr) = await _dir.Run("state", "rm", "sim_machine.a");
        Assert.Equal(1, code);
        Assert.Contains("not valid JSON", stderr);
        Assert.Equal("{ not json", await File.ReadAllTextAsync(_dir.StatePath));
    }
}
