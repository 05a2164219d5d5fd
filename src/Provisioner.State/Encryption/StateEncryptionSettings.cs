namespace Provisioner.State.Encryption;

/// <summary>How states and journal records are encrypted.</summary>
/// <param name="Primary">The key every write uses; null writes unencrypted (the way back from encryption: the old key
/// goes in <paramref name="Fallback"/>).</param>
/// <param name="Fallback">A second key tried when <paramref name="Primary"/> does not open a file (key rotation).</param>
/// <param name="AllowUnencrypted">Whether unencrypted states and records are read (migration to encryption); they are
/// always read when <paramref name="Primary"/> is null.</param>
public sealed record StateEncryptionSettings(StateKey? Primary, StateKey? Fallback = null, bool AllowUnencrypted = false)
{
    /// <summary>Whether unencrypted files are read.</summary>
    public bool ReadsUnencrypted => AllowUnencrypted || Primary is null;
}
