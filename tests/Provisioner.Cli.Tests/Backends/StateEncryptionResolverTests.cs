using System.Text;
using Provisioner.Cli.Backends;
using Provisioner.Config;
using Provisioner.State.Backends;
using Provisioner.State.Encryption;

namespace Provisioner.Cli.Tests.Backends;

public sealed class StateEncryptionResolverTests
{
    private const string Passphrase = "a passphrase long enough";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
    private static readonly StateVersion V = new("lin", 3);

    private static EncryptionConfig Config(string body)
    {
        var dir = Directory.CreateTempSubdirectory("prov-enc-resolver-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "settings.hcl"), "provisioner {\n  encryption {\n" + body + "\n  }\n}\n");
            var (module, diags) = new ConfigLoader(dir).LoadModule(dir);
            Assert.False(diags.HasErrors, diags.ToString());
            return module!.Settings.Encryption!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Dictionary<string, string> Env(params (string Name, string Value)[] vars) => vars.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void NoBlockMeansNoCipherAndNoDiagnostics()
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(null, Env());
        Assert.Null(cipher);
        Assert.Empty(diags);
    }

    [Fact]
    public void APassphraseFromTheDefaultVariableEncrypts()
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(Config(""), Env(("PROVISIONER_STATE_PASSPHRASE", Passphrase)));
        Assert.Empty(diags);
        var stored = cipher!.EncryptState("{\"secret\":\"x\"}"u8, V);
        Assert.True(StateEncryption.IsEnvelope(stored));
        Assert.Contains("\"iterations\":210000", Encoding.UTF8.GetString(stored));
        var (again, _) = StateEncryptionResolver.Resolve(Config(""), Env(("PROVISIONER_STATE_PASSPHRASE", Passphrase)));
        Assert.Equal("{\"secret\":\"x\"}"u8.ToArray(), again!.DecryptState(stored).Json);
    }

    [Fact]
    public void ConfiguredIterationsAreUsed()
    {
        var (cipher, _) = StateEncryptionResolver.Resolve(Config("iterations = 250000"), Env(("PROVISIONER_STATE_PASSPHRASE", Passphrase)));
        Assert.Contains("\"iterations\":250000", Encoding.UTF8.GetString(cipher!.EncryptRecord("{}"u8)));
    }

    [Fact]
    public void ARawKeyFromANamedVariableEncrypts()
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(Config("key_provider = \"env\"\nkey_env = \"MY_KEY\""), Env(("MY_KEY", Key)));
        Assert.Empty(diags);
        Assert.Contains("\"provider\":\"env\"", Encoding.UTF8.GetString(cipher!.EncryptState("{}"u8, V)));
    }

    [Fact]
    public void AMissingVariableIsAnErrorAtTheBlockNamingIt()
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(Config(""), Env(("OTHER", "x")));
        Assert.Null(cipher);
        var d = Assert.Single(diags);
        Assert.True(d.IsError);
        Assert.Equal("Missing state encryption passphrase", d.Summary);
        Assert.Contains("PROVISIONER_STATE_PASSPHRASE", d.Detail);
        Assert.Equal(2, d.Subject!.Value.Start.Line);
        // An empty variable counts as missing.
        Assert.Single(StateEncryptionResolver.Resolve(Config(""), Env(("PROVISIONER_STATE_PASSPHRASE", ""))).Diagnostics);
    }

    [Fact]
    public void AMissingFallbackVariableIsAnErrorAtTheArgumentNamingIt()
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(
            Config("fallback {\n  key_provider = \"env\"\n  key_env = \"OLD_KEY\"\n}"), Env(("PROVISIONER_STATE_PASSPHRASE", Passphrase)));
        Assert.Null(cipher);
        var d = Assert.Single(diags);
        Assert.Equal("Missing state encryption fallback key", d.Summary);
        Assert.Contains("OLD_KEY", d.Detail);
        Assert.Equal((5, 13), (d.Subject!.Value.Start.Line, d.Subject.Value.Start.Column));
    }

    [Theory]
    [InlineData("c2hvcnQ=", "decodes to 5 bytes")]
    [InlineData("%%%", "is not base64")]
    public void AKeyOfTheWrongLengthIsAnErrorWithoutTheValue(string value, string expected)
    {
        var (cipher, diags) = StateEncryptionResolver.Resolve(Config("key_provider = \"env\""), Env(("PROVISIONER_STATE_KEY", value)));
        Assert.Null(cipher);
        var d = Assert.Single(diags);
        Assert.Equal("Invalid state encryption key", d.Summary);
        Assert.Contains(expected, d.Detail);
        Assert.Contains("PROVISIONER_STATE_KEY", d.Detail);
        Assert.DoesNotContain(value, d.ToString());
    }

    [Fact]
    public void AShortPassphraseIsAnErrorWithoutTheValue()
    {
        var (_, diags) = StateEncryptionResolver.Resolve(Config(""), Env(("PROVISIONER_STATE_PASSPHRASE", "tiny-secret")));
        var d = Assert.Single(diags);
        Assert.Equal("Invalid state encryption passphrase", d.Summary);
        Assert.DoesNotContain("tiny-secret", d.ToString());
    }

    [Fact]
    public void RotationAndWrongKeyMessagesNameTheVariablesNotTheSecrets()
    {
        var (old, _) = StateEncryptionResolver.Resolve(Config(""), Env(("PROVISIONER_STATE_PASSPHRASE", Passphrase)));
        var stored = old!.EncryptState("{}"u8, V);

        var rotating = Config("key_provider = \"env\"\nfallback {}");
        var env = Env(("PROVISIONER_STATE_KEY", Key), ("PROVISIONER_STATE_FALLBACK_PASSPHRASE", Passphrase));
        var (cipher, diags) = StateEncryptionResolver.Resolve(rotating, env);
        Assert.Empty(diags);
        Assert.Equal("{}"u8.ToArray(), cipher!.DecryptState(stored).Json);
        Assert.Contains("\"provider\":\"env\"", Encoding.UTF8.GetString(cipher.EncryptState("{}"u8, V)));

        var wrong = Env(("PROVISIONER_STATE_KEY", Key), ("PROVISIONER_STATE_FALLBACK_PASSPHRASE", "not the passphrase at all"));
        var (_, error) = StateEncryptionResolver.Resolve(rotating, wrong).Cipher!.DecryptState(stored);
        Assert.Contains("wrong passphrase or key?", error);
        Assert.Contains("key in environment variable PROVISIONER_STATE_KEY", error);
        Assert.Contains("fallback passphrase in environment variable PROVISIONER_STATE_FALLBACK_PASSPHRASE", error);
        Assert.DoesNotContain("not the passphrase at all", error);
        Assert.DoesNotContain(Key, error);
    }

    [Fact]
    public void AllowUnencryptedAndUnencryptedPrimaryAreCarriedOver()
    {
        var (allowing, _) = StateEncryptionResolver.Resolve(Config("key_provider = \"env\"\nallow_unencrypted = true"), Env(("PROVISIONER_STATE_KEY", Key)));
        Assert.Equal("{}"u8.ToArray(), allowing!.DecryptState("{}"u8.ToArray()).Json);

        var (leaving, diags) = StateEncryptionResolver.Resolve(
            Config("key_provider = \"unencrypted\"\nfallback {\n key_provider = \"env\"\n}"), Env(("PROVISIONER_STATE_FALLBACK_KEY", Key)));
        Assert.Empty(diags);
        Assert.Equal("{\"a\":1}"u8.ToArray(), leaving!.EncryptState("{\"a\":1}"u8, V));
    }
}
