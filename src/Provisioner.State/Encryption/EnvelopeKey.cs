namespace Provisioner.State.Encryption;

/// <summary>The envelope's clear <c>key</c> object: which kind of key opens it, and how a passphrase is stretched.</summary>
/// <param name="Provider"><c>pbkdf2</c> or <c>env</c>.</param>
/// <param name="KeyId">The key's short identifier (<see cref="StateKey.KeyId"/>).</param>
/// <param name="Salt">PBKDF2's salt (pbkdf2 only).</param>
/// <param name="Iterations">PBKDF2's iteration count (pbkdf2 only; 0 otherwise).</param>
internal sealed record EnvelopeKey(string Provider, string KeyId, byte[]? Salt = null, int Iterations = 0)
{
    /// <summary>PBKDF2's hash, the only one written and read.</summary>
    public const string Hash = "sha512";
}
