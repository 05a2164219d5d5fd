using Provisioner.State.Locking;

namespace Provisioner.State.Backends.Local;

/// <summary>A held <see cref="LocalStateLock"/> as an <see cref="IStateLock"/> (an OS lock is never lost while held).</summary>
public sealed class LocalLockHandle(LocalStateLock held) : IStateLock
{
    public LockInfo Info => held.Info;

    public CancellationToken Lost => CancellationToken.None;

    /// <summary>Stands in for a killed holder in tests: the OS lock goes, the info file stays.</summary>
    internal void Abandon() => held.Abandon();

    public ValueTask DisposeAsync()
    {
        held.Dispose();
        return ValueTask.CompletedTask;
    }
}
