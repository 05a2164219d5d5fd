namespace Provisioner.Hcl.Values;

/// <summary>
/// cty's set semantics: unique elements (unknowns never coalesce) in a deterministic order. Known strings sort
/// lexicographically, numbers numerically, false before true; other known values by their canonical text;
/// nulls follow known values and unknowns come last in insertion order.
/// </summary>
internal static class SetOrdering
{
    public static HclValue[] SortUnique(List<HclValue> elements)
    {
        if (elements.Count <= 1)
        {
            return [.. elements];
        }

        var seen = new HashSet<HclValue>();
        var known = new List<HclValue>(elements.Count);
        var unknown = new List<HclValue>();
        foreach (var e in elements)
        {
            if (!e.IsKnown)
            {
                unknown.Add(e);
            }
            else if (seen.Add(e))
            {
                known.Add(e);
            }
        }

        var sorted = known.Order(Comparer.Instance).ToList();
        sorted.AddRange(unknown);
        return [.. sorted];
    }

    /// <summary>Orders known elements of one set type.</summary>
    internal sealed class Comparer : IComparer<HclValue>
    {
        public static Comparer Instance { get; } = new();

        public int Compare(HclValue? x, HclValue? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 0 : 1) - (y is null ? 0 : 1);
            }

            if (x.IsNull || y.IsNull)
            {
                return (x.IsNull ? 1 : 0) - (y.IsNull ? 1 : 0);
            }

            return x.Type.Kind switch
            {
                HclTypeKind.String => HclKeyComparer.Instance.Compare(x.AsString(), y.AsString()),
                HclTypeKind.Number => x.AsNumber().CompareTo(y.AsNumber()),
                HclTypeKind.Bool => x.AsBool().CompareTo(y.AsBool()),
                _ => string.CompareOrdinal(x.ToString(), y.ToString()),
            };
        }
    }
}
