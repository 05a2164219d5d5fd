using System.Security.Cryptography;

namespace Provisioner.State.Encryption;

/// <summary>A 256-bit key given directly, base64-encoded, e.g. in an environment variable (<c>key.provider = "env"</c>).</summary>
public sealed class RawStateKey : StateKey
{
    /// <summary>The key length in bytes (AES-256).</summary>
    public const int Length = 32;

    private RawStateKey(byte[] key, string source)
        : base(source)
    {
        Key = key;
        Id = KeyId(key);
    }

    internal byte[] Key { get; }

    /// <summary>The key's short identifier, stored in envelopes (<see cref="StateKey.KeyId"/>).</summary>
    public string Id { get; }

    internal override string Provider => "env";

    /// <summary>
    /// The key from its base64 text, or an error for the user (not base64, not 32 bytes) that names
    /// <paramref name="source"/> and never the text.
    /// </summary>
    public static (RawStateKey? Key, string? Error) FromBase64(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return (null, $"The {source} is not base64: it must be the base64 encoding of {Length} random bytes (e.g. the output of `openssl rand -base64 {Length}`).");
        }
        if (bytes.Length != Length)
        {
            CryptographicOperations.ZeroMemory(bytes);
            return (null, $"The {source} decodes to {bytes.Length} bytes; an AES-256 key must be exactly {Length} bytes (e.g. the output of `openssl rand -base64 {Length}`).");
        }
        return (new RawStateKey(bytes, source), null);
    }

    /// <summary>Creates a random key (tests and key generation).</summary>
    public static RawStateKey Generate(string source) => new(RandomNumberGenerator.GetBytes(Length), source);

    /// <summary>The key's base64 text (to hand to a user who generated one).</summary>
    public string ToBase64() => Convert.ToBase64String(Key);
}
