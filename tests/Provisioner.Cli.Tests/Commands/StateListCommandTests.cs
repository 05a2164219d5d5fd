namespace Provisioner.Cli.Tests.Commands;

public sealed class StateListCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task List_All_InTerraformOrder()
    {
        // Given: the fixture holds resources in a different order
        _dir.Seed();

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "list");

        // Then: root first (data before managed, type, name, keys numeric), then shorter module paths
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            """
            data.sim_image.base
            sim_machine.web[0]
            sim_machine.web[1]
            sim_machine.web[2]
            sim_machine.web[10]
            sim_network.main
            sim_node_pool.workers["w-1"]
            module.app["a"].sim_machine.x
            module.net.sim_subnet.s

            """,
            stdout);
    }

    [Theory]
    [InlineData("sim_machine.web", "sim_machine.web[0]\nsim_machine.web[1]\nsim_machine.web[2]\nsim_machine.web[10]\n")]
    [InlineData("sim_machine.web[10]", "sim_machine.web[10]\n")]
    [InlineData("module.app", "module.app[\"a\"].sim_machine.x\n")]
    [InlineData("module.app[\"b\"]", "")]
    [InlineData("module.net", "module.net.sim_subnet.s\n")]
    [InlineData("data.sim_image.base", "data.sim_image.base\n")]
    public async Task List_Filter_SelectsByModuleResourceOrInstance(string filter, string expected)
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "list", filter);
        Assert.Equal(0, code);
        Assert.Equal(expected, stdout);
    }

    [Fact]
    public async Task List_SeveralFilters_UnionWithoutDuplicates()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "list", "module.net", "sim_network.main", "sim_network.main");
        Assert.Equal(0, code);
        Assert.Equal("sim_network.main\nmodule.net.sim_subnet.s\n", stdout);
    }

    [Fact]
    public async Task List_Id_FiltersByIdAttribute()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "list", "-id=m-2");
        Assert.Equal(0, code);
        Assert.Equal("sim_machine.web[1]\n", stdout);
    }

    [Fact]
    public async Task List_StateFlag_ReadsThatFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Dir, "elsewhere"));
        File.Copy(StateTestDirectory.Fixture("basic.json"), Path.Combine(_dir.Dir, "elsewhere", "s.json"));
        var (code, stdout, _) = await _dir.Run("state", "list", "-state=elsewhere/s.json", "module.net");
        Assert.Equal(0, code);
        Assert.Equal("module.net.sim_subnet.s\n", stdout);
    }

    [Fact]
    public async Task List_NoState_IsError()
    {
        var (code, stdout, stderr) = await _dir.Run("state", "list");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: No state file was found!", stderr);
    }

    [Fact]
    public async Task List_InvalidAddress_IsDiagnosticWithCaret()
    {
        _dir.Seed();
        var (code, _, stderr) = await _dir.Run("state", "list", "sim_machine");
        Assert.Equal(1, code);
        Assert.StartsWith("<address>:1:", stderr);
        Assert.Contains("Invalid address", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task List_NewerFormatVersion_RefusesNamingTheFileAndLeavesIt()
    {
        // Given
        await File.WriteAllTextAsync(_dir.StatePath, """{"format_version": 2, "lineage": "x", "serial": 1, "resources": []}""");
        var before = _dir.StateBytes();

        // When
        var (code, _, stderr) = await _dir.Run("state", "list");

        // Then
        Assert.Equal(1, code);
        Assert.Contains("Failed to load state", stderr);
        Assert.Contains(_dir.StatePath, stderr);
        Assert.Contains("newer", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, _dir.StateBytes());
    }

    [Fact]
    public async Task List_UnknownFlag_NamesTheSubcommandInTheHint()
    {
        _dir.Seed();
        var (code, _, stderr) = await _dir.Run("state", "list", "-bogus");
        Assert.Equal(1, code);
        Assert.Equal("error: flag provided but not defined: -bogus\nRun \"provisioner state list -help\" for usage.\n", stderr);
    }

    [Fact]
    public async Task List_InvalidModuleAddressInState_IsErrorNotCrash()
    {
        await File.WriteAllTextAsync(_dir.StatePath, """
            {"format_version": 1, "lineage": "l", "serial": 1, "resources": [
              {"module": "module.", "mode": "managed", "type": "sim_machine", "name": "a", "provider": "sim", "instances": []}]}
            """);
        var (code, _, stderr) = await _dir.Run("state", "list");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Failed to load state", stderr);
        Assert.Contains("invalid module address \"module.\"", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
