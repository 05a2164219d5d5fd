namespace Provisioner.State.Tests;

public sealed class LocalStateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReadAsync_MissingFile_IsEmptyWithoutError()
    {
        var sut = new LocalStateFile(Path.Combine(_dir, LocalStateFile.DefaultFileName));
        var r = await sut.ReadAsync(CancellationToken.None);
        Assert.Null(r.Snapshot);
        Assert.Null(r.Error);
    }

    [Fact]
    public async Task WriteAsync_Twice_KeepsPreviousAsBackupAndModeIs0600()
    {
        // Given
        var sut = new LocalStateFile(Path.Combine(_dir, LocalStateFile.DefaultFileName));
        var s = StateSnapshot.New();

        // When
        s.Serial = 1;
        await sut.WriteAsync(s, CancellationToken.None);
        s.Serial = 2;
        await sut.WriteAsync(s, CancellationToken.None);

        // Then
        Assert.Equal(2, (await sut.ReadAsync(CancellationToken.None)).Snapshot!.Serial);
        var backup = StateJson.Read(await File.ReadAllBytesAsync(sut.BackupPath));
        Assert.Equal(1, backup.Snapshot!.Serial);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(sut.Path));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task ReadAsync_CorruptFile_NamesFileAndBackup()
    {
        var sut = new LocalStateFile(Path.Combine(_dir, LocalStateFile.DefaultFileName));
        await sut.WriteAsync(StateSnapshot.New(), CancellationToken.None);
        await sut.WriteAsync(StateSnapshot.New(), CancellationToken.None);
        await File.WriteAllTextAsync(sut.Path, "{\"format_version\": 1, \"lin");
        var r = await sut.ReadAsync(CancellationToken.None);
        Assert.False(r.IsSuccess);
        Assert.Contains(sut.Path, r.Error);
        Assert.Contains(sut.BackupPath, r.Error);
    }
}
