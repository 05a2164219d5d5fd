namespace Provisioner.State.Journal;

/// <summary>A <c>result</c> record: what a journalled call did to the state.</summary>
/// <param name="Seq">The record's sequence number (assigned by <see cref="JournalWriter"/>).</param>
/// <param name="Intent">The <see cref="JournalIntent.Seq"/> of the intent it answers.</param>
/// <param name="Token">The intent's idempotency token (a cross-check).</param>
/// <param name="Succeeded">Whether the provider call succeeded.</param>
/// <param name="Instance">
/// The object recorded for the instance after the call (also after a failed create that left a tainted object), or
/// null when nothing was recorded; a successful <c>delete</c> removes the instance.
/// </param>
public sealed record JournalResult(long Seq, long Intent, string Token, bool Succeeded, InstanceState? Instance);
