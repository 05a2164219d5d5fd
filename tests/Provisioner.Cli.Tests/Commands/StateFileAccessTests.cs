using Provisioner.Cli.Commands;
using Provisioner.State;

namespace Provisioner.Cli.Tests.Commands;

public sealed class StateFileAccessTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliContext Context() => new(_dir.Dir, new StringWriter(), new StringWriter(), color: false);

    [Fact]
    public async Task ReadAsync_NoFile_IsMissingWithoutDiagnostics()
    {
        var (state, exists, diags) = await StateFileAccess.ReadAsync(Context(), CancellationToken.None);
        Assert.Null(state);
        Assert.False(exists);
        Assert.Empty(diags);
    }

    [Fact]
    public async Task ReadAsync_Fixture_DecodesIt()
    {
        _dir.Seed();
        var (state, exists, diags) = await StateFileAccess.ReadAsync(Context(), CancellationToken.None);
        Assert.True(exists);
        Assert.Empty(diags);
        Assert.Equal(4, state!.Serial);
        Assert.Equal(9, state.InstanceCount);
    }

    [Fact]
    public async Task ReadAsync_Corrupt_IsErrorNamingTheFileAndLeavesItAlone()
    {
        // Given
        await File.WriteAllTextAsync(_dir.StatePath, "{\"format_version\": 1, \"lin");
        var before = _dir.StateBytes();

        // When
        var (state, exists, diags) = await StateFileAccess.ReadAsync(Context(), CancellationToken.None);

        // Then
        Assert.Null(state);
        Assert.True(exists);
        var d = Assert.Single(diags);
        Assert.True(d.IsError);
        Assert.Contains(_dir.StatePath, d.Detail);
        Assert.Equal(before, _dir.StateBytes());
    }

    [Fact]
    public async Task WriteAsync_IncrementsSerialStampsVersionAndKeepsBackup()
    {
        // Given
        var original = _dir.Seed();
        var ctx = Context();
        var (state, _, _) = await StateFileAccess.ReadAsync(ctx, CancellationToken.None);

        // When
        var diags = await StateFileAccess.WriteAsync(ctx, state!, CancellationToken.None);

        // Then
        Assert.Empty(diags);
        Assert.Equal(5, state!.Serial);
        var written = _dir.ReadState();
        Assert.Equal(5, written.Serial);
        Assert.Equal(CommandLine.Version, written.ProvisionerVersion);
        Assert.Equal(original, File.ReadAllBytes(_dir.BackupPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.StatePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.BackupPath));
        }
    }

    [Fact]
    public async Task WriteAsync_StateFlagPath_WritesThere()
    {
        var ctx = Context();
        var diags = await StateFileAccess.WriteAsync(ctx, StateSnapshot.New(), CancellationToken.None, "sub/other.json");
        Assert.Empty(diags);
        Assert.True(File.Exists(Path.Combine(_dir.Dir, "sub", "other.json")));
        Assert.False(File.Exists(_dir.StatePath));
        var (state, exists, _) = await StateFileAccess.ReadAsync(ctx, CancellationToken.None, "sub/other.json");
        Assert.True(exists);
        Assert.Equal(1, state!.Serial);
    }

    [Fact]
    public async Task WriteAsync_ParentIsAFile_IsDiagnosticNotException()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Dir, "afile"), "x");
        var diags = await StateFileAccess.WriteAsync(Context(), StateSnapshot.New(), CancellationToken.None, "afile/state.json");
        var d = Assert.Single(diags);
        Assert.Equal("Failed to write state", d.Summary);
    }
}
