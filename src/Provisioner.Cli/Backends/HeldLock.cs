using Provisioner.State.Backends;

namespace Provisioner.Cli.Backends;

/// <summary>A held state lock for <c>await using</c> in commands; disposing releases it (a network call for remote backends).</summary>
internal sealed class HeldLock(IStateLock held) : IAsyncDisposable
{
    private IStateLock? _held = held;

    /// <summary>Cancelled when a remote lease is lost while held: the command then starts nothing new.</summary>
    public CancellationToken Lost { get; } = held.Lost;

    public State.Locking.LockInfo Info { get; } = held.Info;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _held, null) is { } h)
            await h.DisposeAsync().ConfigureAwait(false);
    }
}
