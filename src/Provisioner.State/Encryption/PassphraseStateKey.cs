using System.Security.Cryptography;
using System.Text;

namespace Provisioner.State.Encryption;

/// <summary>
/// A key derived from a passphrase with PBKDF2-HMAC-SHA-512 and a random 16-byte salt stored in the envelope
/// (<c>key.provider = "pbkdf2"</c>).
/// </summary>
public sealed class PassphraseStateKey : StateKey
{
    /// <summary>OWASP's minimum for PBKDF2-HMAC-SHA-512 (2023).</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>The iteration count used when none is configured: OWASP's recommendation for PBKDF2-HMAC-SHA-512.</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>The most iterations accepted, in settings and in envelopes (a larger count in a file is damage).</summary>
    public const int MaximumIterations = 10_000_000;

    /// <summary>The shortest passphrase accepted, in characters.</summary>
    public const int MinimumLength = 16;

    /// <summary>Salt length in bytes.</summary>
    internal const int SaltLength = 16;

    private readonly byte[] _passphrase;

    private PassphraseStateKey(byte[] passphrase, int iterations, string source)
        : base(source)
    {
        _passphrase = passphrase;
        Iterations = iterations;
    }

    /// <summary>The iteration count for new encryptions (reading uses the count stored in the envelope).</summary>
    public int Iterations { get; }

    internal override string Provider => "pbkdf2";

    /// <summary>
    /// The key for <paramref name="passphrase"/>, or an error for the user (too short, iterations out of range) that
    /// names <paramref name="source"/> and never the passphrase.
    /// </summary>
    public static (PassphraseStateKey? Key, string? Error) Create(string passphrase, string source, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (passphrase.Length < MinimumLength)
            return (null, $"The {source} is {passphrase.Length} characters long; a passphrase must have at least {MinimumLength}.");
        if (iterations is < MinimumIterations or > MaximumIterations)
            return (null, $"The PBKDF2 iteration count must be between {MinimumIterations:N0} and {MaximumIterations:N0}, not {iterations:N0}.");
        return (new PassphraseStateKey(Encoding.UTF8.GetBytes(passphrase), iterations, source), null);
    }

    /// <summary>The 256-bit key for <paramref name="salt"/> and <paramref name="iterations"/> (slow: callers cache it).</summary>
    internal byte[] Derive(ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(_passphrase, salt, iterations, HashAlgorithmName.SHA512, 32);
}
