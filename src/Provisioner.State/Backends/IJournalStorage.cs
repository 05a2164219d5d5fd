namespace Provisioner.State.Backends;

/// <summary>
/// A workspace's apply journal as the backend keeps it: an ordered list of opaque records (each one line of JSON,
/// or an encrypted record; never containing a newline), appended during an apply and deleted once the state has
/// been written (format and recovery: <c>docs/state-format.md#apply-journal</c>).
/// </summary>
public interface IJournalStorage
{
    /// <summary>Whether a journal exists (an interrupted apply is waiting for recovery).</summary>
    Task<bool> ExistsAsync(CancellationToken ct);

    /// <summary>
    /// Every record in append order, each followed by <c>'\n'</c>; empty when there is no journal. A record torn by a
    /// crash mid-append appears as a last line without its newline (readers ignore it).
    /// </summary>
    Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken ct);

    /// <summary>Opens the journal for appending (creating it), after any records already there.</summary>
    IJournalAppender OpenAppender();

    /// <summary>Deletes the journal (a no-op when there is none).</summary>
    Task DeleteAsync(CancellationToken ct);
}
