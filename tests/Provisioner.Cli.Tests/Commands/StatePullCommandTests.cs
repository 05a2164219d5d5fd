namespace Provisioner.Cli.Tests.Commands;

public sealed class StatePullCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Pull_PrintsTheStateJsonByteForByte()
    {
        // The fixture is in the writer's canonical form, so the output equals the file.
        var original = _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run("state", "pull");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(original), stdout);
    }

    [Fact]
    public async Task Pull_NoState_PrintsNothing()
    {
        var (code, stdout, stderr) = await _dir.Run("state", "pull");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Pull_Corrupt_IsError()
    {
        await File.WriteAllTextAsync(_dir.StatePath, "[]");
        var (code, stdout, stderr) = await _dir.Run("state", "pull");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("must contain a JSON object", stderr);
    }
}
