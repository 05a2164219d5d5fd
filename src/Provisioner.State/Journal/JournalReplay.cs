namespace Provisioner.State.Journal;

/// <summary>
/// Carries journalled outcomes into a state: the compaction step of recovery. Works on the state model alone
/// (addresses are the intent's resource coordinates and instance key).
/// </summary>
public static class JournalReplay
{
    /// <summary>Records what a finished call did: its result record.</summary>
    public static void ApplyResult(StateSnapshot state, JournalIntent intent, JournalResult result)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(result);
        if (intent.Kind == JournalIntent.Delete && result.Succeeded)
            Remove(state, intent);
        else if (result.Instance is not null)
            Record(state, intent, result.Instance);
    }

    /// <summary>
    /// Records <paramref name="instance"/> as the intent's object (its key and deposed id are taken from the
    /// intent). A create that replaces an object under <c>create_before_destroy</c> first deposes the current
    /// object (as <see cref="JournalIntent.DeposeCurrentAs"/>), so the old object stays recorded.
    /// </summary>
    public static void Record(StateSnapshot state, JournalIntent intent, InstanceState instance)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(instance);
        var r = Find(state, intent);
        if (r is null)
        {
            r = new ResourceState(intent.Module, "managed", intent.Type, intent.Name, intent.Provider) { Each = intent.Each };
            state.Resources.Add(r);
        }
        instance.Key = intent.Key;
        instance.Deposed = intent.Deposed;
        var existing = r.Instances.FindIndex(i => SameKey(i.Key, intent.Key) && i.Deposed == intent.Deposed);
        if (existing >= 0 && intent.Kind == JournalIntent.Create && intent.DeposeCurrentAs is { } deposeAs
            && r.Instances[existing].Generation != intent.Generation
            && !r.Instances.Any(i => SameKey(i.Key, intent.Key) && i.Deposed == deposeAs))
        {
            r.Instances[existing].Deposed = deposeAs;
            existing = -1;
        }
        if (existing >= 0)
            r.Instances[existing] = instance;
        else
            r.Instances.Add(instance);
    }

    /// <summary>Removes the intent's object (a delete that took effect).</summary>
    public static void Remove(StateSnapshot state, JournalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(intent);
        var r = Find(state, intent);
        if (r is null)
            return;
        r.Instances.RemoveAll(i => SameKey(i.Key, intent.Key) && i.Deposed == intent.Deposed);
        if (r.Instances.Count == 0)
            state.Resources.Remove(r);
    }

    private static ResourceState? Find(StateSnapshot state, JournalIntent intent) =>
        state.Resources.FirstOrDefault(r => r.Mode == "managed" && r.Module == intent.Module && r.Type == intent.Type && r.Name == intent.Name);

    private static bool SameKey(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (long x, long y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        _ => false,
    };
}
