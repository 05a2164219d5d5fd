using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config.Tests.Decoding;

public sealed class EncryptionDecoderTests
{
    private static (ModuleConfig? Module, DiagnosticList Diags) Load(string text, string file = "settings.hcl")
    {
        using var dir = new TempConfig((file, text));
        return new ConfigLoader(dir.Directory).LoadModule(dir.Directory);
    }

    private static EncryptionConfig? Decode(string body)
    {
        var (module, diags) = Load("provisioner {\n  encryption {\n" + body + "\n  }\n}\n");
        Assert.False(diags.HasErrors, diags.ToString());
        return module!.Settings.Encryption;
    }

    /// <summary>The single error of a body placed at line 3 of the file, its summary and where it points.</summary>
    private static Diagnostic Error(string body)
    {
        var (_, diags) = Load("provisioner {\n  encryption {\n" + body + "\n  }\n}\n");
        return Assert.Single(diags, d => d.IsError);
    }

    [Fact]
    public void NoEncryptionBlockMeansNoEncryption()
    {
        var (module, diags) = Load("provisioner {\n  required_version = \">= 0.1\"\n}\n");
        Assert.False(diags.HasErrors, diags.ToString());
        Assert.Null(module!.Settings.Encryption);
    }

    [Fact]
    public void AnEmptyBlockIsAPassphraseFromTheDefaultVariable()
    {
        var e = Decode("")!;
        Assert.Equal(EncryptionKeyProvider.Pbkdf2, e.Primary!.Provider);
        Assert.Equal("PROVISIONER_STATE_PASSPHRASE", e.Primary.Variable);
        Assert.Null(e.Primary.Iterations);
        Assert.Null(e.Fallback);
        Assert.False(e.AllowUnencrypted);
        Assert.Equal(2, e.DeclRange.Start.Line);
        Assert.Equal(e.DeclRange, e.Primary.VariableRange);
    }

    [Fact]
    public void EveryArgumentIsDecoded()
    {
        var e = Decode("""
                key_provider = "env"
                key_env = "MY_STATE_KEY"
                allow_unencrypted = true
                fallback {
                  key_provider = "pbkdf2"
                  passphrase_env = "OLD_PASSPHRASE"
                  iterations = 600000
                }
            """)!;
        Assert.Equal(new EncryptionKeyProvider?(EncryptionKeyProvider.Env), e.Primary?.Provider);
        Assert.Equal("MY_STATE_KEY", e.Primary!.Variable);
        Assert.Equal(4, e.Primary.VariableRange.Start.Line);
        Assert.True(e.AllowUnencrypted);
        Assert.Equal(EncryptionKeyProvider.Pbkdf2, e.Fallback!.Provider);
        Assert.Equal("OLD_PASSPHRASE", e.Fallback.Variable);
        Assert.Equal(600_000, e.Fallback.Iterations);
        Assert.Equal(6, e.Fallback.DeclRange.Start.Line);
    }

    [Fact]
    public void FallbackDefaultsToItsOwnVariables()
    {
        var e = Decode("fallback {}")!;
        Assert.Equal("PROVISIONER_STATE_FALLBACK_PASSPHRASE", e.Fallback!.Variable);
        var k = Decode("key_provider = \"env\"\nfallback {\n key_provider = \"env\"\n}")!;
        Assert.Equal("PROVISIONER_STATE_KEY", k.Primary!.Variable);
        Assert.Equal("PROVISIONER_STATE_FALLBACK_KEY", k.Fallback!.Variable);
    }

    [Fact]
    public void UnencryptedWithAFallbackLeavesEncryption()
    {
        var e = Decode("key_provider = \"unencrypted\"\nfallback {\n key_provider = \"env\"\n}")!;
        Assert.Null(e.Primary);
        Assert.Equal(EncryptionKeyProvider.Env, e.Fallback!.Provider);
    }

    [Fact]
    public void TheJsonSyntaxWorksToo()
    {
        var (module, diags) = Load("""{"provisioner": {"encryption": {"key_provider": "env", "fallback": {"passphrase_env": "OLD"}}}}""", "settings.hcl.json");
        Assert.False(diags.HasErrors, diags.ToString());
        Assert.Equal(EncryptionKeyProvider.Env, module!.Settings.Encryption!.Primary!.Provider);
        Assert.Equal("OLD", module.Settings.Encryption.Fallback!.Variable);
    }

    [Theory]
    [InlineData("passphrase = \"hunter2hunter2hunter2\"", "Unsupported argument", 3, 5)]
    [InlineData("key_provider = \"kms\"", "Invalid key_provider", 3, 20)]
    [InlineData("key_provider = \"env\"\npassphrase_env = \"P\"", "Argument not expected here", 4, 1)]
    [InlineData("key_env = \"K\"", "Argument not expected here", 3, 5)]
    [InlineData("key_provider = \"env\"\niterations = 300000", "Argument not expected here", 4, 1)]
    [InlineData("iterations = 1000", "Invalid iterations", 3, 18)]
    [InlineData("iterations = 250000.5", "Invalid iterations", 3, 18)]
    [InlineData("iterations = \"lots\"", "Invalid iterations", 3, 18)]
    [InlineData("passphrase_env = \"MY PASS\"", "Invalid passphrase_env", 3, 22)]
    [InlineData("passphrase_env = var.name", "Variables not allowed", 3, 22)]
    [InlineData("allow_unencrypted = \"perhaps\"", "Invalid allow_unencrypted", 3, 25)]
    [InlineData("key_provider = \"unencrypted\"", "Missing fallback key", 3, 20)]
    [InlineData("key_provider = \"unencrypted\"\nkey_env = \"K\"\nfallback {}", "Argument not expected here", 4, 1)]
    [InlineData("fallback {\n key_provider = \"unencrypted\"\n}", "Invalid key_provider", 4, 17)]
    [InlineData("fallback {\n passphrase_env = \"PROVISIONER_STATE_PASSPHRASE\"\n}", "Fallback key is the primary key", 4, 19)]
    [InlineData("fallback {}\nfallback {}", "Duplicate fallback block", 4, 1)]
    [InlineData("fallback {\n fallback {}\n}", "Unsupported block type", 4, 2)]
    [InlineData("fallback {\n allow_unencrypted = true\n}", "Unsupported argument", 4, 2)]
    public void BadArgumentsAreErrorsAtTheirSource(string body, string summary, int line, int column)
    {
        var d = Error("    " + body);
        Assert.Equal(summary, d.Summary);
        Assert.Equal("settings.hcl", Path.GetFileName(d.Subject!.Value.Filename));
        Assert.Equal((line, column), (d.Subject.Value.Start.Line, d.Subject.Value.Start.Column));
    }

    [Fact]
    public void ADuplicateEncryptionBlockIsAnError()
    {
        var (_, diags) = Load("provisioner {\n  encryption {}\n}\nprovisioner {\n  encryption {}\n}\n");
        var d = Assert.Single(diags, x => x.IsError);
        Assert.Equal("Duplicate encryption configuration", d.Summary);
        Assert.Equal(5, d.Subject!.Value.Start.Line);
        Assert.Contains("settings.hcl:2", d.Detail);
    }

    [Fact]
    public void TheSecretIsNeverPartOfTheModel()
    {
        // The configuration names variables only; a passphrase written in the file is refused, and not echoed.
        var (_, diags) = Load("provisioner {\n  encryption {\n    passphrase = \"do-not-store-me-please\"\n  }\n}\n");
        Assert.True(diags.HasErrors);
        Assert.DoesNotContain("do-not-store-me-please", diags.ToString());
    }
}
