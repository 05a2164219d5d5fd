using System.Text;
using System.Text.Json;
using Provisioner.State.Backends;
using Provisioner.State.Encryption;

namespace Provisioner.State.Tests.Encryption;

public sealed class StateEncryptionTests
{
    private const string Password = "hunter2-very-secret-db-password";
    private static readonly StateVersion V = new("lin-1", 7);

    private static byte[] StateJsonWithSecret()
    {
        var state = new StateSnapshot("lin-1", 7);
        var r = new ResourceState("", "managed", "sim_database", "main", "provider[\"sim\"]");
        var i = new InstanceState { AttributesJson = $"{{\"id\":\"db-1\",\"password\":\"{Password}\"}}", Generation = 1 };
        i.SensitivePaths.Add("password");
        r.Instances.Add(i);
        state.Resources.Add(r);
        return StateJson.Serialize(state);
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    private static JsonElement Parse(byte[] envelope) => JsonDocument.Parse(envelope).RootElement.Clone();

    [Fact]
    public void APassphraseEncryptedStateRoundTrips()
    {
        var cipher = TestKeys.Cipher(TestKeys.Pass());
        var json = StateJsonWithSecret();
        var stored = cipher.EncryptState(json, V);
        var (back, error) = TestKeys.Cipher(TestKeys.Pass()).DecryptState(stored);
        Assert.Null(error);
        Assert.Equal(json, back);
    }

    [Fact]
    public void ARawKeyEncryptedStateRoundTrips()
    {
        var key = RawStateKey.Generate("test key");
        var json = StateJsonWithSecret();
        var stored = TestKeys.Cipher(key).EncryptState(json, V);
        var (copy, _) = RawStateKey.FromBase64(key.ToBase64(), "copy");
        var (back, error) = TestKeys.Cipher(copy).DecryptState(stored);
        Assert.Null(error);
        Assert.Equal(json, back);
    }

    [Fact]
    public void TheEnvelopeKeepsLineageAndSerialInClearAndNoPlaintext()
    {
        var json = StateJsonWithSecret();
        Assert.True(Contains(json, Password));
        var stored = TestKeys.Cipher(TestKeys.Pass()).EncryptState(json, V);
        Assert.False(Contains(stored, Password));
        Assert.False(Contains(stored, "sim_database"));
        Assert.False(Contains(stored, Convert.ToBase64String(Encoding.UTF8.GetBytes(Password))));
        Assert.DoesNotContain((byte)'\n', stored);
        Assert.True(StateEncryption.IsEnvelope(stored));
        Assert.False(StateEncryption.IsEnvelope(json));
        Assert.Equal(V, StoredStateHeader.TryRead(stored));
        var e = Parse(stored);
        Assert.Equal(1, e.GetProperty("encryption_version").GetInt32());
        Assert.Equal("pbkdf2", e.GetProperty("key").GetProperty("provider").GetString());
        Assert.Equal("sha512", e.GetProperty("key").GetProperty("hash").GetString());
        Assert.Equal(PassphraseStateKey.MinimumIterations, e.GetProperty("key").GetProperty("iterations").GetInt32());
        Assert.Equal(16, e.GetProperty("key").GetProperty("salt").GetBytesFromBase64().Length);
        Assert.Equal(12, e.GetProperty("nonce").GetBytesFromBase64().Length);
        Assert.Equal(json.Length + 16, e.GetProperty("ciphertext").GetBytesFromBase64().Length);
    }

    [Fact]
    public void EachEncryptionUsesAFreshNonceButOneSaltPerInstance()
    {
        var cipher = TestKeys.Cipher(TestKeys.Pass());
        var json = StateJsonWithSecret();
        var a = Parse(cipher.EncryptState(json, V));
        var b = Parse(cipher.EncryptState(json, V));
        var r = Parse(cipher.EncryptRecord("{\"type\":\"intent\"}"u8));
        Assert.NotEqual(a.GetProperty("nonce").GetString(), b.GetProperty("nonce").GetString());
        Assert.NotEqual(a.GetProperty("ciphertext").GetString(), b.GetProperty("ciphertext").GetString());
        Assert.Equal(a.GetProperty("key").GetProperty("salt").GetString(), b.GetProperty("key").GetProperty("salt").GetString());
        Assert.Equal(a.GetProperty("key").GetProperty("salt").GetString(), r.GetProperty("key").GetProperty("salt").GetString());
        var other = Parse(TestKeys.Cipher(TestKeys.Pass()).EncryptState(json, V));
        Assert.NotEqual(a.GetProperty("key").GetProperty("salt").GetString(), other.GetProperty("key").GetProperty("salt").GetString());
    }

    [Fact]
    public void AWrongPassphraseGivesAClearError()
    {
        var stored = TestKeys.Cipher(TestKeys.Pass()).EncryptState(StateJsonWithSecret(), V);
        var (json, error) = TestKeys.Cipher(TestKeys.Pass(TestKeys.OtherPassphrase, "passphrase from PROVISIONER_STATE_PASSPHRASE")).DecryptState(stored);
        Assert.Null(json);
        Assert.Contains("cannot be decrypted with the configured key or fallback key: wrong passphrase or key?", error);
        Assert.Contains("passphrase from PROVISIONER_STATE_PASSPHRASE", error);
        Assert.DoesNotContain(TestKeys.OtherPassphrase, error);
        Assert.DoesNotContain("damaged", error);
    }

    [Fact]
    public void AWrongRawKeyOrKindOfKeyGivesAClearError()
    {
        var stored = TestKeys.Cipher(RawStateKey.Generate("key A")).EncryptState(StateJsonWithSecret(), V);
        var (_, error) = TestKeys.Cipher(RawStateKey.Generate("key B")).DecryptState(stored);
        Assert.Contains("wrong passphrase or key?", error);
        Assert.Contains("a raw key (env, key id ", error);
        var (_, error2) = TestKeys.Cipher(TestKeys.Pass()).DecryptState(stored);
        Assert.Contains("wrong passphrase or key?", error2);
    }

    [Fact]
    public void TamperedCiphertextIsReportedAsDamagedNotAsAWrongKey()
    {
        var key = TestKeys.Pass();
        var stored = TestKeys.Cipher(key).EncryptState(StateJsonWithSecret(), V);
        var e = Parse(stored);
        var ct = e.GetProperty("ciphertext").GetBytesFromBase64();
        ct[ct.Length / 2] ^= 0x01;
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(stored)
            .Replace(e.GetProperty("ciphertext").GetString()!, Convert.ToBase64String(ct), StringComparison.Ordinal));
        var (json, error) = TestKeys.Cipher(key).DecryptState(tampered);
        Assert.Null(json);
        Assert.Contains("damaged or was altered", error);
    }

    [Theory]
    [InlineData("\"serial\":7", "\"serial\":8")]
    [InlineData("\"lineage\":\"lin-1\"", "\"lineage\":\"lin-2\"")]
    [InlineData("\"iterations\":210000", "\"iterations\":210001")]
    public void AnAlteredClearHeaderIsRefused(string from, string to)
    {
        var key = TestKeys.Pass();
        var text = Encoding.UTF8.GetString(TestKeys.Cipher(key).EncryptState(StateJsonWithSecret(), V));
        Assert.Contains(from, text);
        var (json, error) = TestKeys.Cipher(key).DecryptState(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
        Assert.Null(json);
        Assert.NotNull(error);
    }

    [Fact]
    public void ASwappedSerialIsCaughtByTheTagWithTheRightKey()
    {
        var key = RawStateKey.Generate("k");
        var text = Encoding.UTF8.GetString(TestKeys.Cipher(key).EncryptState(StateJsonWithSecret(), V));
        var (_, error) = TestKeys.Cipher(key).DecryptState(Encoding.UTF8.GetBytes(text.Replace("\"serial\":7", "\"serial\":8", StringComparison.Ordinal)));
        Assert.Contains("damaged or was altered", error);
    }

    [Fact]
    public void AJournalRecordCannotPassForAStateOrTheOtherWayRound()
    {
        var key = RawStateKey.Generate("k");
        var cipher = TestKeys.Cipher(key);
        var record = cipher.EncryptRecord("{\"type\":\"result\"}"u8);
        Assert.Contains("no clear \"lineage\"", cipher.DecryptState(record).Error);
        var state = cipher.EncryptState("{}"u8, V);
        Assert.Contains("damaged or was altered", cipher.DecryptRecord(state).Error);
    }

    [Fact]
    public void RecordsAreSingleLinesAndRoundTrip()
    {
        var cipher = TestKeys.Cipher(TestKeys.Pass());
        var record = Encoding.UTF8.GetBytes($"{{\"type\":\"result\",\"password\":\"{Password}\"}}");
        var sealedRecord = cipher.EncryptRecord(record);
        Assert.DoesNotContain((byte)'\n', sealedRecord);
        Assert.False(Contains(sealedRecord, Password));
        var (back, error) = TestKeys.Cipher(TestKeys.Pass()).DecryptRecord(sealedRecord);
        Assert.Null(error);
        Assert.Equal(record, back);
    }

    [Fact]
    public void RotationReadsWithTheFallbackAndWritesWithThePrimary()
    {
        var oldKey = TestKeys.Pass(TestKeys.Passphrase, "old passphrase");
        var newKey = RawStateKey.Generate("new key");
        var json = StateJsonWithSecret();
        var old = TestKeys.Cipher(oldKey).EncryptState(json, V);

        var rotating = TestKeys.Cipher(newKey, TestKeys.Pass(TestKeys.Passphrase, "old passphrase"));
        var (read, error) = rotating.DecryptState(old);
        Assert.Null(error);
        Assert.Equal(json, read);
        var rewritten = rotating.EncryptState(read, V with { Serial = 8 });
        Assert.Equal("env", Parse(rewritten).GetProperty("key").GetProperty("provider").GetString());
        Assert.Equal(newKey.Id, Parse(rewritten).GetProperty("key").GetProperty("key_id").GetString());

        // After the rewrite the old key alone no longer opens it, the new one alone does.
        Assert.Contains("wrong passphrase or key?", TestKeys.Cipher(oldKey).DecryptState(rewritten).Error);
        Assert.Equal(json, TestKeys.Cipher(newKey).DecryptState(rewritten).Json);
        // Neither key: the message names both.
        var (_, both) = TestKeys.Cipher(RawStateKey.Generate("key X"), TestKeys.Pass(TestKeys.OtherPassphrase, "passphrase Y")).DecryptState(old);
        Assert.Contains("neither the configured key (key X) nor the fallback key (passphrase Y) opens it", both);
    }

    [Fact]
    public void UnencryptedStateIsRefusedUnlessAllowed()
    {
        var json = StateJsonWithSecret();
        var (refused, error) = TestKeys.Cipher(RawStateKey.Generate("k")).DecryptState(json);
        Assert.Null(refused);
        Assert.Contains("is not encrypted, but encryption is configured", error);
        Assert.Contains("allow_unencrypted = true", error);
        var (allowed, none) = TestKeys.Cipher(RawStateKey.Generate("k"), allowUnencrypted: true).DecryptState(json);
        Assert.Null(none);
        Assert.Equal(json, allowed);
        Assert.Contains("is not encrypted", TestKeys.Cipher(RawStateKey.Generate("k")).DecryptRecord("{\"type\":\"intent\"}"u8).Error);
    }

    [Fact]
    public void WithoutAPrimaryKeyWritesArePlainAndTheFallbackStillReads()
    {
        var key = RawStateKey.Generate("old key");
        var json = StateJsonWithSecret();
        var encrypted = TestKeys.Cipher(key).EncryptState(json, V);
        var leaving = TestKeys.Cipher(null, key);
        Assert.Equal(json, leaving.DecryptState(encrypted).Json);
        Assert.Equal(json, leaving.EncryptState(json, V));
        Assert.Equal(json, leaving.DecryptState(json).Json);
        Assert.Equal("{}"u8.ToArray(), leaving.EncryptRecord("{}"u8));
    }

    [Theory]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1", "not valid JSON")]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1}", "has no \"key\"")]
    [InlineData("{\"encryption_version\":2,\"lineage\":\"l\",\"serial\":1}", "newer than this Provisioner reads")]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1,\"key\":{\"provider\":\"kms\",\"key_id\":\"x\"},\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "key provider \"kms\" is unknown")]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1,\"key\":{\"provider\":\"env\",\"key_id\":\"x\"},\"nonce\":\"AAAA\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "\"nonce\" is missing or not 12 bytes")]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1,\"key\":{\"provider\":\"env\",\"key_id\":\"x\"},\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ciphertext\":\"!!\"}", "not base64")]
    [InlineData("{\"encryption_version\":1,\"lineage\":\"l\",\"serial\":1,\"key\":{\"provider\":\"pbkdf2\",\"hash\":\"sha512\",\"iterations\":2000000000,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"key_id\":\"x\"},\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "\"iterations\" is missing or out of range")]
    public void ADamagedEnvelopeIsReportedAsSuch(string text, string expected)
    {
        var (json, error) = TestKeys.Cipher(RawStateKey.Generate("k")).DecryptState(Encoding.UTF8.GetBytes(text));
        Assert.Null(json);
        Assert.Contains("its envelope is damaged", error);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("c2hvcnQ=", "decodes to 5 bytes")]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "decodes to 57 bytes")]
    public void ARawKeyOfTheWrongLengthIsRefused(string text, string expected)
    {
        var (key, error) = RawStateKey.FromBase64(text, "environment variable PROVISIONER_STATE_KEY");
        Assert.Null(key);
        Assert.Contains(expected, error);
        Assert.Contains("environment variable PROVISIONER_STATE_KEY", error);
        Assert.DoesNotContain(text, error);
    }

    [Fact]
    public void PassphrasesAndIterationCountsAreChecked()
    {
        Assert.Contains("at least 16", PassphraseStateKey.Create("short", "p").Error);
        Assert.Contains("between", PassphraseStateKey.Create(TestKeys.Passphrase, "p", 1000).Error);
        Assert.NotNull(PassphraseStateKey.Create(TestKeys.Passphrase, "p").Key);
    }

    [Fact]
    public void KeysNeverPrintTheirSecret()
    {
        var raw = RawStateKey.Generate("environment variable K");
        var pass = TestKeys.Pass();
        var settings = new StateEncryptionSettings(pass, raw);
        Assert.DoesNotContain(raw.ToBase64(), settings.ToString());
        Assert.DoesNotContain(TestKeys.Passphrase, settings.ToString());
        Assert.Contains("environment variable K", settings.ToString());
    }
}
