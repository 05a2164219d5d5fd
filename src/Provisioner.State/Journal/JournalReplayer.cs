namespace Provisioner.State.Journal;

/// <summary>
/// Carries many journalled outcomes into one state in O(state + journal): resources and instances are indexed on
/// first use instead of searched for each record. Call <see cref="Finish"/> once at the end (it drops removed
/// instances and emptied resources). Same rules as <see cref="JournalReplay"/>, which uses it for single records.
/// </summary>
public sealed class JournalReplayer(StateSnapshot state)
{
    private readonly Dictionary<(string Module, string Type, string Name), ResourceState> _resources = Index(state);
    private readonly Dictionary<ResourceState, Dictionary<(string Key, string? Deposed), InstanceState>> _instances = [];
    private readonly HashSet<InstanceState> _removed = new(ReferenceEqualityComparer.Instance);

    public StateSnapshot State { get; } = state;

    private static Dictionary<(string, string, string), ResourceState> Index(StateSnapshot state)
    {
        var map = new Dictionary<(string, string, string), ResourceState>();
        foreach (var r in state.Resources)
        {
            if (r.Mode == "managed")
                map.TryAdd((r.Module, r.Type, r.Name), r);
        }
        return map;
    }

    /// <summary>Records what a finished call did: its result record.</summary>
    public void Apply(JournalIntent intent, JournalResult result)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(result);
        if (intent.Kind == JournalIntent.Delete && result.Succeeded)
            Remove(intent);
        else if (result.Instance is not null)
            Record(intent, result.Instance);
    }

    /// <summary>Replays every finished call of <paramref name="journal"/> in order; returns how many.</summary>
    public int ApplyAll(JournalContents journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var n = 0;
        foreach (var intent in journal.Intents)
        {
            if (journal.Results.TryGetValue(intent.Seq, out var result))
            {
                Apply(intent, result);
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// Records <paramref name="instance"/> as the intent's object (key and deposed id from the intent). A create that
    /// replaces an object under <c>create_before_destroy</c> first deposes the current object (as
    /// <see cref="JournalIntent.DeposeCurrentAs"/>), so the old object stays recorded.
    /// </summary>
    public void Record(JournalIntent intent, InstanceState instance)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(instance);
        var key = (intent.Module, intent.Type, intent.Name);
        if (!_resources.TryGetValue(key, out var r))
        {
            r = new ResourceState(intent.Module, "managed", intent.Type, intent.Name, intent.Provider) { Each = intent.Each };
            State.Resources.Add(r);
            _resources[key] = r;
        }
        var instances = InstancesOf(r);
        instance.Key = intent.Key;
        instance.Deposed = intent.Deposed;
        var k = KeyText(intent.Key);
        instances.TryGetValue((k, intent.Deposed), out var existing);
        if (existing is not null && intent.Kind == JournalIntent.Create && intent.DeposeCurrentAs is { } deposeAs
            && existing.Generation != intent.Generation && !instances.ContainsKey((k, deposeAs)))
        {
            instances.Remove((k, intent.Deposed));
            existing.Deposed = deposeAs;
            instances[(k, deposeAs)] = existing;
            existing = null;
        }
        if (existing is not null)
        {
            var at = r.Instances.IndexOf(existing);
            r.Instances[at] = instance;
        }
        else
        {
            r.Instances.Add(instance);
        }
        instances[(k, intent.Deposed)] = instance;
    }

    /// <summary>Removes the intent's object (a delete that took effect).</summary>
    public void Remove(JournalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!_resources.TryGetValue((intent.Module, intent.Type, intent.Name), out var r))
            return;
        var instances = InstancesOf(r);
        if (instances.Remove((KeyText(intent.Key), intent.Deposed), out var gone))
            _removed.Add(gone);
    }

    /// <summary>Drops removed instances and resources left without any.</summary>
    public void Finish()
    {
        if (_removed.Count == 0)
            return;
        foreach (var r in _instances.Keys)
            r.Instances.RemoveAll(_removed.Contains);
        State.Resources.RemoveAll(r => r.Instances.Count == 0 && _instances.ContainsKey(r));
        _removed.Clear();
    }

    private Dictionary<(string, string?), InstanceState> InstancesOf(ResourceState r)
    {
        if (!_instances.TryGetValue(r, out var map))
        {
            map = [];
            foreach (var i in r.Instances)
                map.TryAdd((KeyText(i.Key), i.Deposed), i);
            _instances[r] = map;
        }
        return map;
    }

    private static string KeyText(object? key) => key switch
    {
        null => "",
        long n => "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => "\"" + s,
        _ => throw new InvalidOperationException("instance keys are null, long or string"),
    };
}
