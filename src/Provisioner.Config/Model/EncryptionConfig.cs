using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>
/// <c>encryption { ... }</c> inside the <c>provisioner</c> block: how states and apply journals are encrypted at rest.
/// The file names the environment variables that hold the secrets, never the secrets.
/// </summary>
/// <param name="Primary">The key every write uses; null for <c>key_provider = "unencrypted"</c> (writes are plain:
/// the way back from encryption, the old key being <paramref name="Fallback"/>).</param>
/// <param name="Fallback">The <c>fallback { }</c> key, tried when the primary does not open a file (key rotation).</param>
/// <param name="AllowUnencrypted">Whether unencrypted states and journals are read (migration to encryption).</param>
/// <param name="DeclRange">The <c>encryption</c> block, where diagnostics about it point.</param>
public sealed record EncryptionConfig(EncryptionKeyConfig? Primary, EncryptionKeyConfig? Fallback, bool AllowUnencrypted, SourceRange DeclRange)
{
    /// <summary>The default variable of the primary passphrase.</summary>
    public const string DefaultPassphraseVariable = "PROVISIONER_STATE_PASSPHRASE";

    /// <summary>The default variable of the primary raw key.</summary>
    public const string DefaultKeyVariable = "PROVISIONER_STATE_KEY";

    /// <summary>The default variable of the fallback passphrase.</summary>
    public const string DefaultFallbackPassphraseVariable = "PROVISIONER_STATE_FALLBACK_PASSPHRASE";

    /// <summary>The default variable of the fallback raw key.</summary>
    public const string DefaultFallbackKeyVariable = "PROVISIONER_STATE_FALLBACK_KEY";
}
