namespace Provisioner.State.Backends;

/// <summary>
/// What a backend stores for one workspace: the state's bytes (the JSON of <c>docs/state-format.md</c>, or an
/// encrypted envelope) and its version, kept in clear beside them so that compare-and-swap never needs the key.
/// </summary>
/// <remarks>A local file whose header cannot be read (a corrupted file) has the version <see cref="Unreadable"/>.</remarks>
public sealed record StoredState(StateVersion Version, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The version of stored bytes that cannot be decoded: writing over them expects this version.</summary>
    public static readonly StateVersion Unreadable = new("", -1);
}
