namespace Provisioner.State.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WriteAllBytesAsync_NewFileInNewDirectory_WritesContentWithoutLeftovers()
    {
        var path = Path.Combine(_dir, "a", "b.txt");
        await AtomicFile.WriteAllBytesAsync(path, "hello"u8.ToArray(), mode: null, backupPath: null, CancellationToken.None);
        Assert.Equal("hello", await File.ReadAllTextAsync(path));
        Assert.Equal(["b.txt"], Directory.GetFiles(Path.Combine(_dir, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAllBytesAsync_NullMode_KeepsTheReplacedFilesMode()
    {
        if (OperatingSystem.IsWindows())
            return;
        var path = Path.Combine(_dir, "main.hcl");
        await File.WriteAllTextAsync(path, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        await AtomicFile.WriteAllBytesAsync(path, "new"u8.ToArray(), mode: null, backupPath: null, CancellationToken.None);
        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task WriteAllBytesAsync_ModeAndBackup_BothGetTheMode()
    {
        // Given: a world-readable file holding the previous content
        var path = Path.Combine(_dir, "s.json");
        var backup = path + ".backup";
        await File.WriteAllTextAsync(path, "v1");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        // When
        var privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await AtomicFile.WriteAllBytesAsync(path, "v2"u8.ToArray(), privateMode, backup, CancellationToken.None);

        // Then
        Assert.Equal("v2", await File.ReadAllTextAsync(path));
        Assert.Equal("v1", await File.ReadAllTextAsync(backup));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(privateMode, File.GetUnixFileMode(path));
            Assert.Equal(privateMode, File.GetUnixFileMode(backup));
        }
    }

    [Fact]
    public async Task WriteAllBytesAsync_Cancelled_LeavesTargetAndNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "s.json");
        await File.WriteAllTextAsync(path, "v1");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AtomicFile.WriteAllBytesAsync(path, "v2"u8.ToArray(), null, path + ".backup", cts.Token));
        Assert.Equal("v1", await File.ReadAllTextAsync(path));
        Assert.Equal(["s.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }
}
