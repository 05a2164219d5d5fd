using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>One iteration of a <c>dynamic</c> block: the iterator name, its key and value, and outer iterators.</summary>
internal sealed class DynamicIteration
{
    public DynamicIteration(string iteratorName, HclValue key, HclValue value, IReadOnlyDictionary<string, DynamicIteration> inherited)
    {
        IteratorName = iteratorName;
        Key = key;
        Value = value;
        Inherited = inherited;
    }

    public string IteratorName { get; }

    public HclValue Key { get; }

    public HclValue Value { get; }

    public IReadOnlyDictionary<string, DynamicIteration> Inherited { get; }

    /// <summary>The iterator object: <c>{ key = ..., value = ... }</c>.</summary>
    public HclValue Object() => HclValue.Object(("key", Key), ("value", Value));

    /// <summary>A child of <paramref name="parent"/> defining this iterator and all inherited ones.</summary>
    public EvalContext EvalContext(EvalContext? parent)
    {
        var vars = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var (name, other) in Inherited)
            vars[name] = other.Object();
        vars[IteratorName] = Object();
        return parent is null ? new EvalContext(vars) : parent.NewChild(vars);
    }

    /// <summary>A nested iteration (this one and its ancestors become inherited).</summary>
    public static DynamicIteration MakeChild(DynamicIteration? parent, string iteratorName, HclValue key, HclValue value)
    {
        if (parent is null)
            return new DynamicIteration(iteratorName, key, value, new Dictionary<string, DynamicIteration>(StringComparer.Ordinal));
        var inherited = new Dictionary<string, DynamicIteration>(parent.Inherited, StringComparer.Ordinal)
        {
            [parent.IteratorName] = parent,
        };
        return new DynamicIteration(iteratorName, key, value, inherited);
    }
}
