using Provisioner.State;

namespace Provisioner.Cli.Tests.Commands;

public sealed class StatePushCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes a variant of the basic fixture as <c>pushed.json</c>.</summary>
    private string WritePushed(Action<StateSnapshot> change)
    {
        var s = StateJson.Read(File.ReadAllBytes(StateTestDirectory.Fixture("basic.json"))).Snapshot!;
        change(s);
        var path = Path.Combine(_dir.Dir, "pushed.json");
        File.WriteAllBytes(path, StateJson.Serialize(s));
        return path;
    }

    [Fact]
    public async Task Push_HigherSerial_ReplacesStateAsGivenWithBackup()
    {
        // Given
        var original = _dir.Seed();
        var pushed = WritePushed(s =>
        {
            s.Serial = 9;
            s.Resources.RemoveAt(0);
        });

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "push", "pushed.json");

        // Then
        Assert.Equal(0, code);
        Assert.Equal("", stdout + stderr);
        Assert.Equal(File.ReadAllBytes(pushed), _dir.StateBytes());
        Assert.Equal(original, File.ReadAllBytes(_dir.BackupPath));
    }

    [Fact]
    public async Task Push_NoCurrentState_CreatesIt()
    {
        var pushed = WritePushed(_ => { });
        var (code, _, _) = await _dir.Run("state", "push", "pushed.json");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllBytes(pushed), _dir.StateBytes());
    }

    [Fact]
    public async Task Push_LowerSerial_RefusedUnlessForce()
    {
        // Given
        var original = _dir.Seed();
        var pushed = WritePushed(s => s.Serial = 2);

        // When
        var refused = await _dir.Run("state", "push", "pushed.json");

        // Then
        Assert.Equal(1, refused.Code);
        Assert.Contains("serial 2 over a newer state with serial 4", refused.Err);
        Assert.Equal(original, _dir.StateBytes());
        Assert.False(File.Exists(_dir.BackupPath));

        var forced = await _dir.Run("state", "push", "-force", "pushed.json");
        Assert.Equal(0, forced.Code);
        Assert.Equal(File.ReadAllBytes(pushed), _dir.StateBytes());
    }

    [Fact]
    public async Task Push_OtherLineage_RefusedUnlessForce()
    {
        var original = _dir.Seed();
        var pushed = WritePushed(s =>
        {
            s.Lineage = "other-lineage";
            s.Serial = 100;
        });
        var refused = await _dir.Run("state", "push", "pushed.json");
        Assert.Equal(1, refused.Code);
        Assert.Contains("lineage \"other-lineage\" over an unrelated state", refused.Err);
        Assert.Equal(original, _dir.StateBytes());

        Assert.Equal(0, (await _dir.Run("state", "push", "-force", "pushed.json")).Code);
        Assert.Equal(File.ReadAllBytes(pushed), _dir.StateBytes());
    }

    [Fact]
    public async Task Push_StandardInput_Reads()
    {
        // Given
        _dir.Seed();
        var pushed = WritePushed(s => s.Serial = 5);
        var ctx = new CliContext(_dir.Dir, new StringWriter(), new StringWriter(), color: false);

        // When
        var code = await Cli.Commands.StatePushCommand.RunAsync(ctx, null, false, "-", () => new MemoryStream(File.ReadAllBytes(pushed)), CancellationToken.None);

        // Then
        Assert.Equal(0, code);
        Assert.Equal(5, _dir.ReadState().Serial);
    }

    [Theory]
    [InlineData("{\"format_version\": 1, \"lineage\"", "not valid JSON")]
    [InlineData("{\"format_version\": 7, \"lineage\": \"x\", \"serial\": 1}", "newer")]
    public async Task Push_InvalidFile_RefusedAndStateUntouched(string content, string message)
    {
        var original = _dir.Seed();
        await File.WriteAllTextAsync(Path.Combine(_dir.Dir, "bad.json"), content);
        var (code, _, stderr) = await _dir.Run("state", "push", "-force", "bad.json");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Failed to read the state to push", stderr);
        Assert.Contains("bad.json", stderr);
        Assert.Contains(message, stderr);
        Assert.Equal(original, _dir.StateBytes());
    }

    [Fact]
    public async Task Push_MissingFile_IsError()
    {
        var (code, _, stderr) = await _dir.Run("state", "push", "nope.json");
        Assert.Equal(1, code);
        Assert.Contains("No file at nope.json", stderr);
        Assert.False(File.Exists(_dir.StatePath));
    }
}
