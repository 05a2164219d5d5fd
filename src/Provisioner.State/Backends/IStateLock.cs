using Provisioner.State.Locking;

namespace Provisioner.State.Backends;

/// <summary>A held state lock; disposing releases it.</summary>
public interface IStateLock : IAsyncDisposable
{
    /// <summary>The holder information recorded with the lock.</summary>
    LockInfo Info { get; }

    /// <summary>
    /// Cancelled when the lock is lost while held: a lease that could not be renewed within its time-to-live. The
    /// holder then stops starting new work. Never cancelled for a local (OS) lock.
    /// </summary>
    CancellationToken Lost { get; }
}
