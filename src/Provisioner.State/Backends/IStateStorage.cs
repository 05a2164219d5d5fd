namespace Provisioner.State.Backends;

/// <summary>
/// One workspace of a backend: the state's bytes with compare-and-swap writes, its lock, and its apply journal.
/// </summary>
/// <remarks>
/// The storage never interprets the bytes (they may be encrypted); <c>StateStore</c> encodes, decodes and
/// encrypts. Methods throw <see cref="StateBackendException"/> when the backend cannot be reached.
/// </remarks>
public interface IStateStorage
{
    /// <summary>The workspace name.</summary>
    string Workspace { get; }

    /// <summary>
    /// Where the state is, for messages: a file path, or e.g. <c>postgres schema "terraform_remote_state", workspace
    /// "default"</c>. Never contains a secret.
    /// </summary>
    string Location { get; }

    /// <summary>
    /// Where the previous version of the state is kept, for the error shown when the current one cannot be decoded
    /// (e.g. <c>The previous version is in provisioner.state.json.backup.</c>); null when there is none.
    /// </summary>
    string? PreviousVersionHint { get; }

    /// <summary>The stored state, or null when the workspace holds none.</summary>
    Task<StoredState?> ReadAsync(CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="state"/> if what is stored now is <paramref name="expected"/> (null: nothing stored
    /// yet), atomically: a reader sees the old state or the new one, and the previous version is kept (a backup file,
    /// a history row or revision). Otherwise nothing changes and the result is <see cref="StateWriteResult.Stale"/>.
    /// </summary>
    Task<StateWriteResult> WriteAsync(StoredState state, StateVersion? expected, CancellationToken ct);

    /// <summary>
    /// Takes the workspace's lock, retrying until <paramref name="timeout"/> has passed (zero: one attempt). A refusal
    /// returns the holder's info (when known). Remote locks are leases kept alive while held and freed by themselves
    /// after their time-to-live when the holder dies.
    /// </summary>
    Task<LockResult> LockAsync(LockRequest request, TimeSpan timeout, CancellationToken ct);

    /// <summary>
    /// <c>force-unlock ID</c>: removes the lock with that ID. Returns null on success, or why not (no lock, another
    /// ID, or, for the local backend, a holder that is still running).
    /// </summary>
    Task<string?> ForceUnlockAsync(string id, CancellationToken ct);

    /// <summary>The workspace's apply journal.</summary>
    IJournalStorage Journal { get; }
}
