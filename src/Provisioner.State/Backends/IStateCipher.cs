namespace Provisioner.State.Backends;

/// <summary>
/// Encryption at rest of a workspace's state and journal records (implemented by <c>Encryption/StateEncryption</c>).
/// </summary>
public interface IStateCipher
{
    /// <summary>
    /// The stored form of a state's JSON: an envelope that keeps <paramref name="version"/> (lineage, serial) in clear
    /// as top-level <c>lineage</c> and <c>serial</c> properties, and everything else encrypted.
    /// </summary>
    byte[] EncryptState(ReadOnlySpan<byte> json, StateVersion version);

    /// <summary>
    /// The state's JSON from its stored form. Returns null and an error for the user for a wrong key or a damaged
    /// envelope; plain (unencrypted) JSON is passed through or refused as the encryption settings say.
    /// </summary>
    (byte[]? Json, string? Error) DecryptState(ReadOnlyMemory<byte> stored);

    /// <summary>A journal record's stored form (one line without newline).</summary>
    byte[] EncryptRecord(ReadOnlySpan<byte> record);

    /// <summary>A journal record's JSON from its stored form, or an error for the user.</summary>
    (byte[]? Record, string? Error) DecryptRecord(ReadOnlySpan<byte> stored);
}
