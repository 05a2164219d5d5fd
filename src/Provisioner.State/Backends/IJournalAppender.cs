namespace Provisioner.State.Backends;

/// <summary>
/// Appends records to a journal. Calls come from one thread at a time for <see cref="Write"/> (the caller orders
/// records) but <see cref="Flush"/> may be called concurrently: group commit lets one sync cover every record
/// written before it.
/// </summary>
/// <remarks>
/// Appends must cost O(1) whatever the size of the state or of the journal.
/// </remarks>
public interface IJournalAppender : IDisposable
{
    /// <summary>
    /// Writes one record (without newline) after the previous ones; returns its position, increasing. The record
    /// need not be durable yet.
    /// </summary>
    long Write(ReadOnlySpan<byte> record);

    /// <summary>Returns once every record up to position <paramref name="through"/> is durably stored.</summary>
    void Flush(long through);
}
