using Provisioner.State.Journal;

namespace Provisioner.State.Tests.Journal;

public sealed class JournalWriterGroupCommitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-journal-gc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryIntentIsOnDiskWhenAppendReturns_EvenWhenManyAppendAtOnce()
    {
        var path = JournalFile.PathFor(Path.Combine(_dir, "provisioner.state.json"));
        using (var w = JournalWriter.Open(path))
        {
            var first = w.AppendIntent(JournalFileTests.Intent(token: "pv-0"));
            Assert.True(w.SyncedThrough >= first.Seq);
            var tasks = Enumerable.Range(1, 64).Select(i => Task.Run(() =>
            {
                var written = w.AppendIntent(JournalFileTests.Intent(key: (long)i, token: "pv-" + i));
                // The group commit may have synced further, never less.
                Assert.True(w.SyncedThrough >= written.Seq, $"intent {written.Seq} returned before it was synced");
                w.AppendResult(new JournalResult(0, written.Seq, written.Token, true, null));
                return written.Seq;
            })).ToList();
            var seqs = await Task.WhenAll(tasks);
            Assert.Equal(64, seqs.Distinct().Count());
        }
        var read = JournalFile.Read(path).Contents!;
        Assert.Equal(65, read.Intents.Count);
        Assert.Equal(64, read.Results.Count);
        Assert.Single(read.Pending);
    }
}
