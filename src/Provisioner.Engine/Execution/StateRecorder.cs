using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Execution;

/// <summary>Records results into the working state. Thread-safe: every method takes the recorder's lock.</summary>
internal sealed class StateRecorder(StateSnapshot state)
{
    private readonly Lock _lock = new();

    /// <summary>
    /// Implied types of the resource types whose schema has dynamically-typed attributes (member types' <c>parent</c>
    /// and <c>node</c>): their objects are recorded against the schema type, so they decode again. Others use their own type.
    /// </summary>
    public Dictionary<string, Hcl.Values.HclType> DynamicTypes { get; } = new(StringComparer.Ordinal);
    private readonly HashSet<InstanceState> _removed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ResourceState> _byAddress = state.Resources.ToDictionary(r => r.Address, StringComparer.Ordinal);
    private readonly Dictionary<(string, InstanceKey, string?), InstanceState> _instances = Index(state);

    private static Dictionary<(string, InstanceKey, string?), InstanceState> Index(StateSnapshot state)
    {
        var d = new Dictionary<(string, InstanceKey, string?), InstanceState>();
        foreach (var r in state.Resources)
        {
            foreach (var i in r.Instances)
                d[(r.Address, Planning.PlanWalk.KeyOf(i), i.Deposed)] = i;
        }
        return d;
    }

    public StateSnapshot State { get; } = state;

    public InstanceState? Find(ResourceInstanceAddress address, string? deposed)
    {
        lock (_lock)
        {
            return _instances.GetValueOrDefault((address.Resource.ToString(), address.Key, deposed));
        }
    }

    /// <summary>Writes an object (creating the resource and instance entries as needed) and returns the instance.</summary>
    public InstanceState Set(ResourceInstanceAddress address, string? deposed, string provider, string each, HclValue value,
        byte[]? privateData, InstanceStatus status, long generation, IEnumerable<string> dependencies, bool createBeforeDestroy)
    {
        lock (_lock)
        {
            var key = address.Resource.ToString();
            if (!_byAddress.TryGetValue(key, out var r))
            {
                var a = address.Resource;
                r = new ResourceState(a.Module.ToString(), a.Mode == ResourceMode.Data ? "data" : "managed", a.Type, a.Name, provider);
                State.Resources.Add(r);
                _byAddress[key] = r;
            }
            r.Provider = provider;
            r.Each = each;
            if (!_instances.TryGetValue((key, address.Key, deposed), out var inst))
            {
                inst = new InstanceState
                {
                    Key = address.Key.Kind switch
                    {
                        InstanceKeyKind.Int => address.Key.Number,
                        InstanceKeyKind.String => address.Key.Text,
                        _ => null,
                    },
                    Deposed = deposed,
                };
                r.Instances.Add(inst);
                _instances[(key, address.Key, deposed)] = inst;
            }
            StateValues.Encode(value, inst, DynamicTypes.Count == 0 ? null : DynamicTypes.GetValueOrDefault(address.Resource.Type));
            inst.Private = privateData;
            inst.Status = status;
            inst.Generation = generation;
            inst.Dependencies.Clear();
            inst.Dependencies.AddRange(dependencies);
            inst.CreateBeforeDestroy = createBeforeDestroy;
            return inst;
        }
    }

    public void Remove(ResourceInstanceAddress address, string? deposed)
    {
        lock (_lock)
        {
            var key = address.Resource.ToString();
            // Removal from the resource's list is deferred to Tidy: removing one by one is quadratic on big destroys.
            if (_instances.Remove((key, address.Key, deposed), out var inst))
                _removed.Add(inst);
        }
    }

    /// <summary>Forgets every data source instance (a full destroy leaves an empty state).</summary>
    public void RemoveDataResources()
    {
        lock (_lock)
        {
            foreach (var r in State.Resources.Where(r => r.Mode == "data"))
            {
                foreach (var inst in r.Instances)
                    _instances.Remove((r.Address, Planning.PlanWalk.KeyOf(inst), inst.Deposed));
                r.Instances.Clear();
            }
        }
    }

    /// <summary>Marks the current object of an instance as deposed (create_before_destroy) and returns its new id.</summary>
    public string? Depose(ResourceInstanceAddress address, Func<string> newId)
    {
        lock (_lock)
        {
            var key = address.Resource.ToString();
            if (!_instances.Remove((key, address.Key, null), out var inst))
                return null;
            inst.Deposed = newId();
            _instances[(key, address.Key, inst.Deposed)] = inst;
            return inst.Deposed;
        }
    }

    /// <summary>Drops resources left without instances; orders resources as state files list them.</summary>
    public void Tidy()
    {
        lock (_lock)
        {
            if (_removed.Count > 0)
            {
                foreach (var r in State.Resources)
                    r.Instances.RemoveAll(_removed.Contains);
                _removed.Clear();
            }
            State.Resources.RemoveAll(r => r.Instances.Count == 0);
            State.Resources.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Module, b.Module);
                if (c != 0)
                    return c;
                c = string.CompareOrdinal(a.Mode, b.Mode);
                if (c != 0)
                    return c;
                c = string.CompareOrdinal(a.Type, b.Type);
                return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
            });
            foreach (var r in State.Resources)
            {
                r.Instances.Sort((x, y) =>
                {
                    var c = Planning.PlanWalk.KeyOf(x).CompareTo(Planning.PlanWalk.KeyOf(y));
                    return c != 0 ? c : string.CompareOrdinal(x.Deposed ?? "", y.Deposed ?? "");
                });
            }
        }
    }
}
