using Provisioner.State.Encryption;

namespace Provisioner.State.Tests.Encryption;

/// <summary>Keys for the encryption tests (passphrases at the minimum iteration count, to keep derivations quick).</summary>
internal static class TestKeys
{
    public const string Passphrase = "correct horse battery staple";
    public const string OtherPassphrase = "a different but long passphrase";

    public static PassphraseStateKey Pass(string passphrase = Passphrase, string source = "test passphrase") =>
        PassphraseStateKey.Create(passphrase, source, PassphraseStateKey.MinimumIterations).Key!;

    public static StateEncryption Cipher(StateKey? primary, StateKey? fallback = null, bool allowUnencrypted = false) =>
        new(new StateEncryptionSettings(primary, fallback, allowUnencrypted));
}
