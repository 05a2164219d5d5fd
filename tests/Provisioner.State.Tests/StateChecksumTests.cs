using System.Text;

namespace Provisioner.State.Tests;

public sealed class StateChecksumTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-checksum-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StateSnapshot Sample()
    {
        var s = new StateSnapshot("lin-1", 4);
        var r = new ResourceState("", "managed", "sim_machine", "m", "sim") { Each = "list" };
        r.Instances.Add(new InstanceState { Key = 0L, AttributesJson = """{"id":"m-0001","name":"m-0"}""", Generation = 3 });
        s.Resources.Add(r);
        return s;
    }

    [Fact]
    public void Serialize_EndsWithChecksum_AndReadsBack()
    {
        var bytes = StateJson.Serialize(Sample());
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Matches("""\],\n  "checksum": "sha256:[0-9a-f]{64}"\n\}\n$""", text);
        var r = StateJson.Read(bytes);
        Assert.True(r.IsSuccess, r.Error);
        Assert.Equal(bytes, StateJson.Serialize(r.Snapshot));
    }

    [Fact]
    public void Read_ValueChangedAfterWriting_IsAChecksumError()
    {
        var text = Encoding.UTF8.GetString(StateJson.Serialize(Sample())).Replace("m-0001", "m-0002", StringComparison.Ordinal);

        var r = StateJson.Read(Encoding.UTF8.GetBytes(text));

        Assert.False(r.IsSuccess);
        Assert.Contains("checksum does not match", r.Error);
    }

    [Fact]
    public void Read_ChecksumNotTheLastProperty_IsAChecksumError()
    {
        var text = Encoding.UTF8.GetString(StateJson.Serialize(Sample())).Replace("\n}\n", ",\n  \"extra\": 1\n}\n", StringComparison.Ordinal);

        Assert.Contains("checksum does not match", StateJson.Read(Encoding.UTF8.GetBytes(text)).Error);
    }

    [Fact]
    public void Read_FileWithoutChecksum_StillReads()
    {
        var text = Encoding.UTF8.GetString(StateJson.Serialize(Sample()));
        var old = text[..text.IndexOf(",\n  \"checksum\"", StringComparison.Ordinal)] + "\n}\n";

        var r = StateJson.Read(Encoding.UTF8.GetBytes(old));

        Assert.True(r.IsSuccess, r.Error);
        Assert.Equal("m", r.Snapshot.Resources[0].Name);
    }

    [Fact]
    public async Task LocalStateFile_CorruptedFile_ErrorNamesTheFileAndTheBackup()
    {
        // Given: two writes (so there is a backup), then a flipped value in the current file
        var file = new LocalStateFile(Path.Combine(_dir, LocalStateFile.DefaultFileName));
        var s = Sample();
        await file.WriteAsync(s, CancellationToken.None);
        s.Serial++;
        await file.WriteAsync(s, CancellationToken.None);
        var text = await File.ReadAllTextAsync(file.Path);
        await File.WriteAllTextAsync(file.Path, text.Replace("\"m-0\"", "\"m-9\"", StringComparison.Ordinal));

        // When
        var r = await file.ReadAsync(CancellationToken.None);

        // Then
        Assert.False(r.IsSuccess);
        Assert.Contains(file.Path, r.Error);
        Assert.Contains("checksum does not match", r.Error);
        Assert.Contains(file.BackupPath, r.Error);
        Assert.True(StateJson.Read(await File.ReadAllBytesAsync(file.BackupPath)).IsSuccess);
    }
}
