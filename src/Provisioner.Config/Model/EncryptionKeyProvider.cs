namespace Provisioner.Config;

/// <summary>Where an encryption key comes from (<c>key_provider</c>).</summary>
public enum EncryptionKeyProvider
{
    /// <summary><c>"pbkdf2"</c>: derived from a passphrase in an environment variable.</summary>
    Pbkdf2,

    /// <summary><c>"env"</c>: 32 raw bytes, base64, in an environment variable.</summary>
    Env,
}
