namespace Provisioner.State.Journal;

/// <summary>What a journal holds: its intents in order, and the results that answer them.</summary>
/// <param name="Intents">Intents in sequence order.</param>
/// <param name="Results">Results by <see cref="JournalResult.Intent"/>.</param>
/// <param name="TornTail">True when the last line was incomplete (the writer died mid-append) and was ignored.</param>
public sealed record JournalContents(IReadOnlyList<JournalIntent> Intents, IReadOnlyDictionary<long, JournalResult> Results, bool TornTail)
{
    public static JournalContents Empty { get; } = new([], new Dictionary<long, JournalResult>(), false);

    /// <summary>Intents with no result: calls that may or may not have taken effect.</summary>
    public IEnumerable<JournalIntent> Pending => Intents.Where(i => !Results.ContainsKey(i.Seq));
}
