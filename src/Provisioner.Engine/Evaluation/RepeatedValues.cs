using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Evaluation;

/// <summary>
/// The values of one resource's (or module call's) instances in one module instance, and the aggregate value that
/// references see: the object itself (single), a tuple (<c>count</c>), an object by key (<c>for_each</c>), or unknown.
/// The aggregate is built once and rebuilt only after an instance changes.
/// </summary>
internal sealed class RepeatedValues(ExpansionKind kind)
{
    private readonly SortedDictionary<InstanceKey, HclValue> _instances = [];
    private HclValue? _aggregate;

    public ExpansionKind Kind { get; set; } = kind;

    public IReadOnlyDictionary<InstanceKey, HclValue> Instances => _instances;

    /// <summary>For <see cref="ExpansionKind.Pool"/>: how the pool object and its node objects are built.</summary>
    public Planning.Pools.PoolShape? Pool { get; set; }

    public void Set(InstanceKey key, HclValue value)
    {
        _instances[key] = value;
        _aggregate = null;
    }

    public void Remove(InstanceKey key)
    {
        if (_instances.Remove(key))
            _aggregate = null;
    }

    public HclValue Value => _aggregate ??= Build();

    private HclValue Build()
    {
        switch (Kind)
        {
            case ExpansionKind.Single:
                return _instances.TryGetValue(InstanceKey.None, out var v) ? v : HclValue.DynamicVal;
            case ExpansionKind.Count:
                return HclValue.Tuple(_instances.Values);
            case ExpansionKind.Pool:
                return Pool is null ? HclValue.DynamicVal : Pool.PoolValue(_instances);
            case ExpansionKind.ForEach:
                return HclValue.Object(_instances.Select(kv => new KeyValuePair<string, HclValue>(kv.Key.Text!, kv.Value)));
            default:
                return HclValue.DynamicVal;
        }
    }
}
