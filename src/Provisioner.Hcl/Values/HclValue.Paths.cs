namespace Provisioner.Hcl.Values;

public sealed partial class HclValue
{
    /// <summary>
    /// Removes marks at every level and reports where they were (cty <c>UnmarkDeepWithPaths</c>), so marks such as
    /// <c>sensitive</c> can be stored beside a plain value (Terraform's <c>sensitive_attributes</c>). A null path is
    /// the value itself. Sets carry their elements' marks themselves, so paths never point inside a set.
    /// </summary>
    public (HclValue Value, IReadOnlyList<(HclPath? Path, HclMarks Marks)> PathMarks) UnmarkDeepWithPaths()
    {
        var found = new List<(HclPath?, HclMarks)>();
        var v = UnmarkWithPaths(this, null, found);
        return (v, found);
    }

    private static HclValue UnmarkWithPaths(HclValue v, HclPath? path, List<(HclPath?, HclMarks)> found)
    {
        if (!v.ContainsMarks())
        {
            return v;
        }

        if (!v.Marks.IsEmpty)
        {
            found.Add((path, v.Marks));
        }

        if (v._elements is not null && !v.Type.IsSet)
        {
            var elems = new HclValue[v._elements.Length];
            for (int i = 0; i < elems.Length; i++)
            {
                elems[i] = UnmarkWithPaths(v._elements[i], HclPath.Index(path, i), found);
            }

            return new HclValue(v.Type, v._state, default, v._bool, v._number, v._string, elems, null);
        }

        if (v._attributes is not null)
        {
            var vals = new HclValue[v._attributes.Count];
            for (int i = 0; i < vals.Length; i++)
            {
                var key = v._attributes.KeyList[i];
                var p = v.Type.IsMap ? HclPath.Key(path, key) : HclPath.Attribute(path, key);
                vals[i] = UnmarkWithPaths(v._attributes.ValueList[i], p, found);
            }

            return new HclValue(v.Type, v._state, default, v._bool, v._number, v._string, null,
                SortedStringMap<HclValue>.FromSorted([.. v._attributes.KeyList], vals));
        }

        return v.Unmark().Value;
    }

    /// <summary>
    /// Adds marks at the given paths (cty <c>MarkWithPaths</c>); paths that do not exist in this value are ignored.
    /// </summary>
    public HclValue MarkWithPaths(IEnumerable<(HclPath? Path, HclMarks Marks)> pathMarks)
    {
        var result = this;
        foreach (var (path, marks) in pathMarks)
        {
            result = MarkAt(result, path is null ? [] : path.Steps, 0, marks);
        }

        return result;
    }

    private static HclValue MarkAt(HclValue v, IReadOnlyList<HclPathStep> steps, int i, HclMarks marks)
    {
        if (i == steps.Count)
        {
            return v.WithMarks(marks);
        }

        if (!v.IsKnownNotNull)
        {
            return v;
        }

        var step = steps[i];
        if (v._elements is not null && !v.Type.IsSet && step.Kind == HclPathStepKind.Index)
        {
            if (step.Index < 0 || step.Index >= v._elements.Length)
            {
                return v;
            }

            var elems = (HclValue[])v._elements.Clone();
            elems[step.Index] = MarkAt(elems[step.Index], steps, i + 1, marks);
            return new HclValue(v.Type, v._state, v.Marks, v._bool, v._number, v._string, elems, null);
        }

        if (v._attributes is not null && step.Kind != HclPathStepKind.Index && step.Name is not null)
        {
            int idx = v._attributes.IndexOf(step.Name);
            if (idx < 0)
            {
                return v;
            }

            var vals = v._attributes.ValueList.ToArray();
            vals[idx] = MarkAt(vals[idx], steps, i + 1, marks);
            return new HclValue(v.Type, v._state, v.Marks, v._bool, v._number, v._string, null,
                SortedStringMap<HclValue>.FromSorted([.. v._attributes.KeyList], vals));
        }

        return v;
    }
}
