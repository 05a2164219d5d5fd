namespace Provisioner.State.Backends;

/// <summary>
/// The outcome of <see cref="IStateStorage.WriteAsync"/>: written, or refused because the stored state is not the
/// expected one (<see cref="Current"/> is what is stored now; null when there is none).
/// </summary>
public sealed record StateWriteResult(bool Written, StateVersion? Current)
{
    public static StateWriteResult Success(StateVersion written) => new(true, written);

    public static StateWriteResult Stale(StateVersion? current) => new(false, current);
}
