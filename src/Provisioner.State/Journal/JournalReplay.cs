namespace Provisioner.State.Journal;

/// <summary>
/// Carries one journalled outcome into a state (for many, use one <see cref="JournalReplayer"/>). Works on the state
/// model alone (addresses are the intent's resource coordinates and instance key).
/// </summary>
public static class JournalReplay
{
    /// <summary>Records what a finished call did: its result record.</summary>
    public static void ApplyResult(StateSnapshot state, JournalIntent intent, JournalResult result)
    {
        var replayer = new JournalReplayer(state);
        replayer.Apply(intent, result);
        replayer.Finish();
    }

    /// <summary>Records <paramref name="instance"/> as the intent's object (see <see cref="JournalReplayer.Record"/>).</summary>
    public static void Record(StateSnapshot state, JournalIntent intent, InstanceState instance)
    {
        var replayer = new JournalReplayer(state);
        replayer.Record(intent, instance);
        replayer.Finish();
    }

    /// <summary>Removes the intent's object (a delete that took effect).</summary>
    public static void Remove(StateSnapshot state, JournalIntent intent)
    {
        var replayer = new JournalReplayer(state);
        replayer.Remove(intent);
        replayer.Finish();
    }
}
