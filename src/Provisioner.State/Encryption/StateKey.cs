using System.Security.Cryptography;

namespace Provisioner.State.Encryption;

/// <summary>
/// A key that encrypts states and journal records (<see cref="StateEncryption"/>): a passphrase
/// (<see cref="PassphraseStateKey"/>) or 32 raw bytes (<see cref="RawStateKey"/>).
/// </summary>
/// <remarks>
/// Classes rather than records on purpose: a record's generated <c>ToString</c> and equality would expose or compare
/// the secret. <see cref="ToString"/> is <see cref="Source"/>, which never contains the key.
/// </remarks>
public abstract class StateKey
{
    private protected StateKey(string source) => Source = source;

    /// <summary>Where the key comes from, for messages (e.g. "passphrase from PROVISIONER_STATE_PASSPHRASE"); never the key.</summary>
    public string Source { get; }

    /// <summary>The envelope's <c>key.provider</c>: <c>pbkdf2</c> or <c>env</c>.</summary>
    internal abstract string Provider { get; }

    public override string ToString() => Source;

    /// <summary>A short identifier of a 256-bit key: the first 8 bytes of HMAC-SHA-256(key, label), in hex.</summary>
    /// <remarks>It tells a wrong key from a damaged file; guessing a key from it is as hard as from the GCM tag.</remarks>
    internal static string KeyId(ReadOnlySpan<byte> key)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, "provisioner-state-key-id"u8, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
