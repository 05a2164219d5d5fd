namespace Provisioner.Hcl.Values;

/// <summary>
/// cty's set semantics: unique elements (unknowns never coalesce) in cty's iteration order. Known strings sort
/// lexicographically, numbers numerically, false before true; other element types by cty's set hash bytes,
/// like Terraform. Unknowns follow the known values and nulls come last.
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
        var nulls = new List<HclValue>();
        foreach (var e in elements)
        {
            if (!e.IsKnown)
            {
                unknown.Add(e);
            }
            else if (seen.Add(e))
            {
                (e.IsNull ? nulls : known).Add(e);
            }
        }

        List<HclValue> sorted;
        if (known.Count > 0 && !known[0].Type.IsPrimitive)
        {
            // cty compares the set hash bytes of elements that have no natural order.
            sorted = [.. known.Select(v => (Key: CtySetHash.HashText(v), Value: v)).OrderBy(x => x.Key, HclKeyComparer.Instance).Select(x => x.Value)];
        }
        else
        {
            sorted = known.Order(Comparer.Instance).ToList();
        }

        // cty: known values first, then unknowns, then nulls.
        sorted.AddRange(unknown);
        sorted.AddRange(nulls);
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
