using System.Diagnostics;
using System.Text;
using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;
using Provisioner.State.Encryption;
using Provisioner.State.Journal;
using Provisioner.State.Tests.Backends;
using Xunit.Abstractions;

namespace Provisioner.State.Tests.Encryption;

/// <summary>Encrypted states and journals through <see cref="StateStore"/> over the local backend.</summary>
public sealed class EncryptedStateStoreTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "s3cret-pa55word-in-state";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-encrypted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StatePath => Path.Combine(_dir, LocalStateFile.DefaultFileName);

    private IStateStorage Storage => new LocalBackend(StatePath, Path.Combine(_dir, LocalBackend.DefaultWorkspaceDirectory)).Workspace(Workspaces.Default);

    private StateStore Store(IStateCipher? cipher) => new(Storage, cipher);

    private static StateSnapshot SecretState(long serial = 1)
    {
        var state = new StateSnapshot("lin-e", serial);
        var r = new ResourceState("", "managed", "sim_database", "main", "provider[\"sim\"]");
        var i = new InstanceState { AttributesJson = $"{{\"id\":\"db-1\",\"password\":\"{Password}\"}}", Generation = 1 };
        i.SensitivePaths.Add("password");
        r.Instances.Add(i);
        state.Resources.Add(r);
        state.Outputs["db_password"] = new OutputState($"\"{Password}\"", "\"string\"", true);
        return state;
    }

    private bool FileContains(string path, string text) =>
        File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task AnEncryptedStateRoundTripsAndItsFileHoldsNoSecret()
    {
        var state = SecretState();
        Assert.True((await Store(TestKeys.Cipher(TestKeys.Pass())).WriteAsync(state, null, Ct)).Written);
        Assert.False(FileContains(StatePath, Password));
        Assert.False(FileContains(StatePath, "sim_database"));
        var (read, version) = await Store(TestKeys.Cipher(TestKeys.Pass())).ReadAsync(Ct);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(new StateVersion("lin-e", 1), version);
        Assert.Equal(StateJson.Serialize(state), StateJson.Serialize(read.Snapshot!));
        // Compare-and-swap works on the clear header, and a stale writer is still refused.
        state.Serial = 2;
        Assert.True((await Store(TestKeys.Cipher(TestKeys.Pass())).WriteAsync(state, new StateVersion("lin-e", 1), Ct)).Written);
        Assert.False((await Store(TestKeys.Cipher(TestKeys.Pass())).WriteAsync(state, new StateVersion("lin-e", 1), Ct)).Written);
    }

    [Fact]
    public async Task AWrongPassphraseNamesTheStateAndSaysWhatIsWrong()
    {
        await Store(TestKeys.Cipher(TestKeys.Pass())).WriteAsync(SecretState(), null, Ct);
        var (read, version) = await Store(TestKeys.Cipher(TestKeys.Pass(TestKeys.OtherPassphrase))).ReadAsync(Ct);
        Assert.False(read.IsSuccess);
        Assert.StartsWith(StatePath + ": the state cannot be decrypted with the configured key or fallback key: wrong passphrase or key?", read.Error);
        Assert.Equal(new StateVersion("lin-e", 1), version);
    }

    [Fact]
    public async Task AnEncryptedStateWithoutEncryptionConfiguredIsAClearError()
    {
        await Store(TestKeys.Cipher(RawStateKey.Generate("k"))).WriteAsync(SecretState(), null, Ct);
        var (read, _) = await Store(null).ReadAsync(Ct);
        Assert.False(read.IsSuccess);
        Assert.Contains("the state is encrypted, but no encryption is configured", read.Error);
        Assert.StartsWith(StatePath, read.Error);
    }

    [Fact]
    public async Task RotationRewritesTheStateWithTheNewKey()
    {
        var oldKey = TestKeys.Pass(TestKeys.Passphrase, "old passphrase");
        await Store(TestKeys.Cipher(oldKey)).WriteAsync(SecretState(1), null, Ct);
        var newKey = RawStateKey.Generate("new key");

        var rotating = Store(TestKeys.Cipher(newKey, oldKey));
        var (read, version) = await rotating.ReadAsync(Ct);
        Assert.True(read.IsSuccess, read.Error);
        read.Snapshot!.Serial = 2;
        Assert.True((await rotating.WriteAsync(read.Snapshot, version, Ct)).Written);

        var (withNew, _) = await Store(TestKeys.Cipher(newKey)).ReadAsync(Ct);
        Assert.True(withNew.IsSuccess, withNew.Error);
        Assert.Equal(2, withNew.Snapshot!.Serial);
        var (withOld, _) = await Store(TestKeys.Cipher(oldKey)).ReadAsync(Ct);
        Assert.Contains("wrong passphrase or key?", withOld.Error);
    }

    [Fact]
    public async Task MigratingToAndFromEncryption()
    {
        var key = RawStateKey.Generate("k");
        await Store(null).WriteAsync(SecretState(1), null, Ct);
        Assert.True(FileContains(StatePath, Password));

        // Encryption configured: the plain state is refused with the way out.
        var (refused, _) = await Store(TestKeys.Cipher(key)).ReadAsync(Ct);
        Assert.Contains("allow_unencrypted = true", refused.Error);

        // allow_unencrypted: read, and the next write encrypts.
        var migrating = Store(TestKeys.Cipher(key, allowUnencrypted: true));
        var (plain, v1) = await migrating.ReadAsync(Ct);
        Assert.True(plain.IsSuccess, plain.Error);
        plain.Snapshot!.Serial = 2;
        await migrating.WriteAsync(plain.Snapshot, v1, Ct);
        Assert.False(FileContains(StatePath, Password));
        Assert.True((await Store(TestKeys.Cipher(key)).ReadAsync(Ct)).Result.IsSuccess);

        // And back: no primary key, the old key as fallback; the next write is plain.
        var leaving = Store(TestKeys.Cipher(null, key));
        var (enc, v2) = await leaving.ReadAsync(Ct);
        Assert.True(enc.IsSuccess, enc.Error);
        enc.Snapshot!.Serial = 3;
        await leaving.WriteAsync(enc.Snapshot, v2, Ct);
        Assert.True(FileContains(StatePath, Password));
        Assert.True((await Store(null).ReadAsync(Ct)).Result.IsSuccess);
    }

    [Fact]
    public async Task JournalRecordsRoundTripEncryptedAndATornLastRecordIsIgnored()
    {
        var cipher = TestKeys.Cipher(TestKeys.Pass());
        var store = Store(cipher);
        using (var w = store.OpenJournal())
        {
            var a = w.AppendIntent(Intent("pv-1"));
            w.AppendResult(new JournalResult(0, a.Seq, a.Token, true, new InstanceState { AttributesJson = $"{{\"id\":\"db-1\",\"password\":\"{Password}\"}}", Generation = 8 }));
            w.AppendIntent(Intent("pv-2"));
        }
        var journalPath = JournalFile.PathFor(StatePath);
        Assert.False(FileContains(journalPath, Password));
        Assert.False(FileContains(journalPath, "sim_database"));
        Assert.Equal(3, File.ReadAllLines(journalPath).Length);

        var read = await Store(TestKeys.Cipher(TestKeys.Pass())).ReadJournalAsync(Ct);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(["pv-1", "pv-2"], read.Contents!.Intents.Select(i => i.Token));
        Assert.Equal($"{{\"id\":\"db-1\",\"password\":\"{Password}\"}}", read.Contents.Results[1].Instance!.AttributesJson);
        Assert.Equal(["pv-2"], read.Contents.Pending.Select(i => i.Token));
        Assert.False(read.Contents.TornTail);

        // A writer killed mid-append leaves half a record without newline: ignored, reported as torn.
        var torn = cipher.EncryptRecord(JournalWriter.Encode(Intent("pv-3") with { Seq = 4 }));
        await using (var f = new FileStream(journalPath, FileMode.Append))
            f.Write(torn.AsSpan(0, torn.Length / 2));
        var afterTear = await Store(TestKeys.Cipher(TestKeys.Pass())).ReadJournalAsync(Ct);
        Assert.True(afterTear.IsSuccess, afterTear.Error);
        Assert.Equal(2, afterTear.Contents!.Intents.Count);
        Assert.True(afterTear.Contents.TornTail);

        // Wrong key, or no encryption configured: clear errors.
        var wrong = await Store(TestKeys.Cipher(TestKeys.Pass(TestKeys.OtherPassphrase))).ReadJournalAsync(Ct);
        Assert.Contains("cannot be decrypted at record 1: the record cannot be decrypted with the configured key or fallback key", wrong.Error);
        var none = await Store(null).ReadJournalAsync(Ct);
        Assert.Contains("the apply journal is encrypted, but no encryption is configured", none.Error);
    }

    [Fact]
    public async Task AJournalWrittenBeforeEncryptionIsReadWhenUnencryptedFilesAreAllowed()
    {
        using (var w = Store(null).OpenJournal())
            w.AppendIntent(Intent("pv-1"));
        var key = RawStateKey.Generate("k");
        Assert.Contains("is not encrypted", (await Store(TestKeys.Cipher(key)).ReadJournalAsync(Ct)).Error);
        var read = await Store(TestKeys.Cipher(key, allowUnencrypted: true)).ReadJournalAsync(Ct);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Single(read.Contents!.Intents);
    }

    [Fact]
    public async Task AHundredThousandResourceStateRoundTripsEncrypted()
    {
        var state = BigStates.SimMachines("big-lineage", 100_000);
        var key = RawStateKey.Generate("k");
        var sw = Stopwatch.StartNew();
        Assert.True((await Store(TestKeys.Cipher(key)).WriteAsync(state, null, Ct)).Written);
        var written = sw.Elapsed;
        sw.Restart();
        var (read, version) = await Store(TestKeys.Cipher(key)).ReadAsync(Ct);
        var readTime = sw.Elapsed;
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(new StateVersion("big-lineage", 1), version);
        Assert.Equal(100_000, read.Snapshot!.InstanceCount);
        Assert.Equal(StateJson.Serialize(state), StateJson.Serialize(read.Snapshot));
        Assert.False(FileContains(StatePath, "i-0000ffff"));
        output.WriteLine($"100,000 resources, {new FileInfo(StatePath).Length:N0} bytes encrypted: write {written.TotalMilliseconds:N0} ms, read {readTime.TotalMilliseconds:N0} ms");

        // The same without encryption, for comparison (printed, not asserted).
        var cipher = TestKeys.Cipher(key);
        sw.Restart();
        var stored = cipher.EncryptState(StateJson.Serialize(state), new StateVersion("big-lineage", 1));
        var encryptOnly = sw.Elapsed;
        sw.Restart();
        Assert.NotNull(cipher.DecryptState(stored).Json);
        var decryptOnly = sw.Elapsed;
        File.Delete(StatePath);
        sw.Restart();
        await Store(null).WriteAsync(state, null, Ct);
        var plainWrite = sw.Elapsed;
        sw.Restart();
        Assert.True((await Store(null).ReadAsync(Ct)).Result.IsSuccess);
        output.WriteLine($"unencrypted: write {plainWrite.TotalMilliseconds:N0} ms, read {sw.Elapsed.TotalMilliseconds:N0} ms; " +
            $"serialize + encrypt alone {encryptOnly.TotalMilliseconds:N0} ms, decrypt alone {decryptOnly.TotalMilliseconds:N0} ms");
    }

    private static JournalIntent Intent(string token) =>
        new(0, "lin-e", 1, "sim_database.main", "", "sim_database", "main", "", null, null, JournalIntent.Create, token, 1, "sim", null,
            $"{{\"password\":\"{Password}\"}}", null);
}
