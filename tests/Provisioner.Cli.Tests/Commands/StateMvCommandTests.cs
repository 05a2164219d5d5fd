using Provisioner.State;

namespace Provisioner.Cli.Tests.Commands;

public sealed class StateMvCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The JSON of one recorded object, to check moves keep instance data byte-identical.</summary>
    private static string ObjectJson(StateSnapshot s, string resource, object? key, bool withKey = false)
    {
        var r = s.FindResource(resource)!;
        var i = r.Instances.Single(x => Equals(x.Key, key) && x.Deposed is null);
        var copy = new StateSnapshot("l");
        var holder = new ResourceState("", "managed", "t", "n", "p");
        var saved = i.Key;
        if (!withKey)
            i.Key = null;
        holder.Instances.Add(i);
        copy.Resources.Add(holder);
        var json = System.Text.Encoding.UTF8.GetString(StateJson.Serialize(copy));
        i.Key = saved;
        return json;
    }

    [Fact]
    public async Task Mv_ResourceToResource_RenamesKeepsDataBumpsSerialAndBacksUp()
    {
        // Given
        var original = _dir.Seed();
        var before = _dir.ReadState();

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "mv", "sim_machine.web", "sim_machine.frontend");

        // Then
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("Move \"sim_machine.web\" to \"sim_machine.frontend\"\nSuccessfully moved 1 object(s).\n", stdout);
        var after = _dir.ReadState();
        Assert.Null(after.FindResource("sim_machine.web"));
        var moved = after.FindResource("sim_machine.frontend")!;
        Assert.Equal("list", moved.Each);
        Assert.Equal("sim", moved.Provider);
        Assert.Equal(4, moved.Instances.Count);
        foreach (var key in new object[] { 0L, 1L, 2L, 10L })
            Assert.Equal(ObjectJson(before, "sim_machine.web", key, withKey: true), ObjectJson(after, "sim_machine.frontend", key, withKey: true));
        Assert.Equal(before.Serial + 1, after.Serial);
        Assert.Equal(before.Lineage, after.Lineage);
        Assert.Equal(original, File.ReadAllBytes(_dir.BackupPath));
        Assert.Equal(1, before.Resources.FindIndex(r => r.Address == "sim_machine.web"));
        Assert.Equal(1, after.Resources.FindIndex(r => r.Address == "sim_machine.frontend"));
    }

    [Fact]
    public async Task Mv_InstanceToInstance_ChangesOnlyTheKey()
    {
        _dir.Seed();
        var before = _dir.ReadState();
        var (code, stdout, _) = await _dir.Run("state", "mv", "sim_machine.web[10]", "sim_machine.web[3]");
        Assert.Equal(0, code);
        Assert.Equal("Move \"sim_machine.web[10]\" to \"sim_machine.web[3]\"\nSuccessfully moved 1 object(s).\n", stdout);
        var after = _dir.ReadState();
        Assert.Equal(ObjectJson(before, "sim_machine.web", 10L), ObjectJson(after, "sim_machine.web", 3L));
        Assert.Equal(["sim_machine.web[0]", "sim_machine.web[1]", "sim_machine.web[2]", "sim_machine.web[3]"],
            (await _dir.Run("state", "list", "sim_machine.web")).Out.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Mv_InstanceToNewResource_CreatesSingleInstanceResource()
    {
        _dir.Seed();
        var before = _dir.ReadState();
        var (code, _, _) = await _dir.Run("state", "mv", "sim_machine.web[0]", "sim_machine.solo");
        Assert.Equal(0, code);
        var after = _dir.ReadState();
        var solo = after.FindResource("sim_machine.solo")!;
        Assert.Equal("", solo.Each);
        Assert.Null(Assert.Single(solo.Instances).Key);
        Assert.Equal(ObjectJson(before, "sim_machine.web", 0L), ObjectJson(after, "sim_machine.solo", null));
        Assert.Equal(3, after.FindResource("sim_machine.web")!.Instances.Count);
    }

    [Fact]
    public async Task Mv_LastInstanceAway_RemovesTheEmptyResource()
    {
        _dir.Seed();
        var (code, _, _) = await _dir.Run("state", "mv", "sim_node_pool.workers[\"w-1\"]", "sim_node_pool.workers2[\"w-1\"]");
        Assert.Equal(0, code);
        var after = _dir.ReadState();
        Assert.Null(after.FindResource("sim_node_pool.workers"));
        var moved = after.FindResource("sim_node_pool.workers2")!;
        Assert.Equal("map", moved.Each);
        Assert.Equal("sim.alt", moved.Provider);
    }

    [Fact]
    public async Task Mv_ResourceIntoModule_KeepsItsName()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "mv", "sim_network.main", "module.net");
        Assert.Equal(0, code);
        Assert.Equal("Move \"sim_network.main\" to \"module.net.sim_network.main\"\nSuccessfully moved 1 object(s).\n", stdout);
        Assert.Equal("module.net.sim_network.main\nmodule.net.sim_subnet.s\n", (await _dir.Run("state", "list", "module.net")).Out);
    }

    [Fact]
    public async Task Mv_ModuleToModule_MovesEverythingInside()
    {
        _dir.Seed();
        var (code, _, _) = await _dir.Run("state", "mv", "module.app[\"a\"]", "module.web.module.app");
        Assert.Equal(0, code);
        Assert.Equal("module.web.module.app.sim_machine.x\n", (await _dir.Run("state", "list", "module.web")).Out);
        Assert.Equal("", (await _dir.Run("state", "list", "module.app")).Out);
        Assert.NotNull(_dir.ReadState().FindResource("module.web.module.app.sim_machine.x"));
    }

    [Fact]
    public async Task Mv_SingleInstanceResourceToInstanceAddress_GivesItAKey()
    {
        _dir.Seed();
        var (code, _, _) = await _dir.Run("state", "mv", "sim_network.main", "sim_network.nets[0]");
        Assert.Equal(0, code);
        var nets = _dir.ReadState().FindResource("sim_network.nets")!;
        Assert.Equal("list", nets.Each);
        Assert.Equal(0L, Assert.Single(nets.Instances).Key);
    }

    [Fact]
    public async Task Mv_DryRun_PrintsAndWritesNothing()
    {
        var original = _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "mv", "-dry-run", "sim_machine.web", "sim_machine.frontend");
        Assert.Equal(0, code);
        Assert.Equal("Would move \"sim_machine.web\" to \"sim_machine.frontend\"\n", stdout);
        Assert.Equal(original, _dir.StateBytes());
        Assert.False(File.Exists(_dir.BackupPath));
    }

    [Theory]
    [InlineData("sim_machine.web", "sim_network.main", "resource types don't match")]
    [InlineData("sim_machine.web[0]", "sim_network.x", "resource types don't match")]
    [InlineData("data.sim_image.base", "sim_image.base", "a managed resource and a data source")]
    [InlineData("sim_machine.web", "sim_machine.web", "there is already a resource at that address")]
    [InlineData("sim_machine.web[0]", "sim_machine.web[1]", "there is already a resource instance at that address")]
    [InlineData("sim_machine.web[0]", "sim_machine.web[\"k\"]", "keys of another kind")]
    [InlineData("sim_machine.web", "sim_machine.other[0]", "the resource has 4 instances")]
    [InlineData("sim_machine.nope", "sim_machine.other", "does not match anything in the current state")]
    [InlineData("sim_machine.web[99]", "sim_machine.web[98]", "does not match anything in the current state")]
    [InlineData("module.app[\"a\"]", "module.net", "there is already a module at that address")]
    [InlineData("module.app[\"a\"]", "module.app[\"a\"].module.inner", "into itself")]
    [InlineData("module.net", "sim_machine.x", "can only be moved to a module address")]
    public async Task Mv_Refused_IsErrorAndStateStaysByteIdentical(string source, string dest, string message)
    {
        // Given
        var before = _dir.Seed();

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "mv", source, dest);

        // Then
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, _dir.StateBytes());
        Assert.False(File.Exists(_dir.BackupPath));
    }

    [Fact]
    public async Task Mv_NoState_IsError()
    {
        var (code, _, stderr) = await _dir.Run("state", "mv", "sim_machine.a", "sim_machine.b");
        Assert.Equal(1, code);
        Assert.Contains("No state file was found!", stderr);
        Assert.False(File.Exists(_dir.StatePath));
    }
}
