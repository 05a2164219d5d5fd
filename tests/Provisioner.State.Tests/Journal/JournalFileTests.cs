using Provisioner.State.Journal;

namespace Provisioner.State.Tests.Journal;

public sealed class JournalFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string JournalPath => JournalFile.PathFor(Path.Combine(_dir, "provisioner.state.json"));

    internal static JournalIntent Intent(string kind = JournalIntent.Create, object? key = null, string token = "pv-1", string? prior = null, string? planned = """{"name":"m-4","id":null}""") =>
        new(0, "lin-1", 7, "sim_machine.m[4]", "", "sim_machine", "m", "list", key ?? 4L, null, kind, token, 8, "sim", prior, planned, null);

    [Fact]
    public void DependenciesRoundTrip()
    {
        using (var w = JournalWriter.Open(JournalPath))
            w.AppendIntent(Intent() with { Dependencies = ["sim_network.net", "module.a.sim_machine.b[0]"] });
        var read = JournalFile.Read(JournalPath);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(["sim_network.net", "module.a.sim_machine.b[0]"], read.Contents.Intents.Single().Dependencies);
    }

    internal static InstanceState Instance(string id, long generation = 8) => new()
    {
        AttributesJson = $$"""{"id":"{{id}}","name":"m-4"}""",
        Generation = generation,
        Private = [1, 2, 3],
    };

    [Fact]
    public void PathFor_IsTheStateFileWithJournalSuffix()
    {
        Assert.Equal(Path.Combine(_dir, "provisioner.state.json.journal"), JournalPath);
    }

    [Fact]
    public void AppendAndRead_RoundTripsIntentsAndResults_WithSequenceNumbers()
    {
        // Given
        using (var w = JournalWriter.Open(JournalPath))
        {
            var a = w.AppendIntent(Intent());
            var b = w.AppendIntent(Intent(JournalIntent.Delete, "k\"ey", "pv-2", prior: """{"id":"x"}""", planned: null) with { Deposed = "abc12345" });
            var r = w.AppendResult(new JournalResult(0, a.Seq, a.Token, true, Instance("m-0001")));
            Assert.Equal((1L, 2L, 3L), (a.Seq, b.Seq, r.Seq));
        }

        // When
        var read = JournalFile.Read(JournalPath);

        // Then
        Assert.True(read.IsSuccess, read.Error);
        var c = read.Contents;
        Assert.False(c.TornTail);
        Assert.Equal(2, c.Intents.Count);
        Assert.Equal(Intent() with { Seq = 1 }, c.Intents[0]);
        Assert.Equal("k\"ey", c.Intents[1].Key);
        Assert.Equal("abc12345", c.Intents[1].Deposed);
        Assert.Equal("""{"id":"x"}""", c.Intents[1].PriorJson);
        Assert.Null(c.Intents[1].PlannedJson);
        var result = Assert.Single(c.Results).Value;
        Assert.Equal(1, result.Intent);
        Assert.True(result.Succeeded);
        Assert.Equal("""{"id":"m-0001","name":"m-4"}""", result.Instance!.AttributesJson);
        Assert.Equal(8, result.Instance.Generation);
        Assert.Equal([1, 2, 3], result.Instance.Private);
        Assert.Equal([c.Intents[1]], c.Pending);
    }

    [Fact]
    public void Read_TornLastLine_IsIgnored()
    {
        // Given: a writer killed in the middle of its second append
        using (var w = JournalWriter.Open(JournalPath))
            w.AppendIntent(Intent());
        var full = File.ReadAllBytes(JournalPath);
        File.AppendAllText(JournalPath, System.Text.Encoding.UTF8.GetString(full)[..20]);

        // When
        var read = JournalFile.Read(JournalPath);

        // Then
        Assert.True(read.IsSuccess, read.Error);
        Assert.True(read.Contents.TornTail);
        Assert.Single(read.Contents.Intents);
    }

    [Fact]
    public void Read_CorruptedMiddleLine_IsAnErrorNamingFileAndLine()
    {
        File.WriteAllText(JournalPath, "{\"type\":\"intent\"\n" + System.Text.Encoding.UTF8.GetString(JournalWriter.Encode(Intent() with { Seq = 1 })) + "\n");

        var read = JournalFile.Read(JournalPath);

        Assert.False(read.IsSuccess);
        Assert.Contains(JournalPath, read.Error);
        Assert.Contains("line 1", read.Error);
    }

    [Fact]
    public void Read_MissingFile_IsEmpty()
    {
        var read = JournalFile.Read(JournalPath);
        Assert.True(read.IsSuccess);
        Assert.Empty(read.Contents.Intents);
    }

    [Fact]
    public void Append_IsAnAppend_EarlierBytesUnchanged_EachRecordOneLine()
    {
        // Given an instance whose attributes came from an indented state file (raw JSON with newlines)
        using var w = JournalWriter.Open(JournalPath);
        var first = w.AppendIntent(Intent());
        w.Dispose();
        var before = File.ReadAllBytes(JournalPath);
        using var w2 = JournalWriter.Open(JournalPath, lastSeq: first.Seq);
        var indented = Instance("m-1");
        indented.AttributesJson = "{\n  \"id\": \"m-1\"\n}";

        // When
        var r = w2.AppendResult(new JournalResult(0, first.Seq, first.Token, true, indented));
        w2.Dispose();

        // Then
        var after = File.ReadAllBytes(JournalPath);
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal(2, after.Count(b => b == (byte)'\n'));
        Assert.Equal(2, r.Seq);
        var read = JournalFile.Read(JournalPath);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal("""{"id":"m-1"}""", read.Contents.Results[1].Instance!.AttributesJson);
    }

    [Fact]
    public void Open_CreatesTheJournalWithMode0600()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var w = JournalWriter.Open(JournalPath);
        w.AppendIntent(Intent());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(JournalPath));
    }

    [Fact]
    public async Task AppendIntent_FromManyThreads_EveryRecordIntactAndNumberedOnce()
    {
        using (var w = JournalWriter.Open(JournalPath))
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            {
                var a = w.AppendIntent(Intent(key: (long)i, token: $"pv-{i}"));
                w.AppendResult(new JournalResult(0, a.Seq, a.Token, true, Instance($"m-{i}")));
            })));
        }

        var read = JournalFile.Read(JournalPath);

        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(200, read.Contents.Intents.Count);
        Assert.Equal(200, read.Contents.Results.Count);
        Assert.Empty(read.Contents.Pending);
        Assert.All(read.Contents.Intents, i => Assert.Equal($"pv-{i.Key}", i.Token));
        Assert.Equal(Enumerable.Range(1, 400).Select(n => (long)n),
            read.Contents.Intents.Select(i => i.Seq).Concat(read.Contents.Results.Values.Select(r => r.Seq)).Order());
    }

    [Fact]
    public void Delete_RemovesTheJournal()
    {
        using (var w = JournalWriter.Open(JournalPath))
            w.AppendIntent(Intent());
        JournalFile.Delete(JournalPath);
        Assert.False(File.Exists(JournalPath));
        JournalFile.Delete(JournalPath);
    }
}
