using Provisioner.State.Locking;

namespace Provisioner.State.Backends;

/// <summary>A taken lock, or the current holder's info (null when unknown) when the lock was refused.</summary>
public sealed record LockResult(IStateLock? Lock, LockInfo? Holder)
{
    public bool Taken => Lock is not null;
}
