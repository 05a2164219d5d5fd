namespace Provisioner.State.Encryption;

/// <summary>A usable 256-bit key and the envelope header that names it.</summary>
internal sealed record OpenKey(byte[] Key, EnvelopeKey Header);
