namespace Provisioner.Hcl.Values;

public static partial class HclConvert
{
    /// <summary>
    /// cty's <c>convert.Unify</c>: the single type all given types can safely convert to, or null. Follows
    /// go-cty's rules: number/bool with string → string; list + set → list; tuples → tuple or list; objects →
    /// object (same attribute names) or map; a dynamic type among collections/structures makes the result dynamic.
    /// </summary>
    public static HclType? Unify(IEnumerable<HclType> types) => UnifyCore(types.ToList(), false);

    /// <summary>Like <see cref="Unify"/> but allowing unsafe conversions (cty <c>UnifyUnsafe</c>; HCL conditionals use this).</summary>
    public static HclType? UnifyUnsafe(IEnumerable<HclType> types) => UnifyCore(types.ToList(), true);

    /// <summary>
    /// Finds a common type for the values (<see cref="UnifyUnsafe"/>) and converts each to it, so they can form a
    /// list, set or map. Fails with cty's wording when no common type exists or a value does not convert.
    /// </summary>
    public static bool TryUnifyValues(IReadOnlyList<HclValue> values, out HclType type, out HclValue[] converted, out HclError? error)
    {
        converted = [];
        error = null;
        type = HclType.Dynamic;
        if (values.Count == 0)
        {
            return true;
        }

        var t = UnifyCore(values.Select(v => v.Type).ToList(), true);
        if (t is null)
        {
            error = new HclError("all values must have the same type");
            return false;
        }

        var result = new HclValue[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            var r = Convert(values[i], t);
            if (!r.IsSuccess)
            {
                error = r.Error with { Path = HclPath.Format(HclPath.Index(null, i)) + r.Error.Path };
                return false;
            }

            result[i] = r.Value;
        }

        type = t;
        converted = result;
        return true;
    }

    internal static HclType? UnifyCore(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        if (types.Count == 0)
        {
            return null;
        }

        var first = types[0];
        bool allSame = true;
        for (int i = 1; i < types.Count && allSame; i++)
        {
            allSame = types[i].Equals(first);
        }

        if (allSame)
        {
            return first;
        }

        int mapCt = 0, listCt = 0, setCt = 0, objectCt = 0, tupleCt = 0, dynCt = 0;
        foreach (var t in types)
        {
            switch (t.Kind)
            {
                case HclTypeKind.Map: mapCt++; break;
                case HclTypeKind.List: listCt++; break;
                case HclTypeKind.Set: setCt++; break;
                case HclTypeKind.Object: objectCt++; break;
                case HclTypeKind.Tuple: tupleCt++; break;
                case HclTypeKind.Dynamic: dynCt++; break;
            }
        }

        int n = types.Count;
        if (mapCt > 0 && mapCt + dynCt == n)
        {
            return UnifyCollections(HclTypeKind.Map, types, unsafeMode, dynCt > 0);
        }

        if (mapCt > 0 && mapCt + objectCt + dynCt == n)
        {
            var t = UnifyObjectsAsMaps(types, unsafeMode);
            if (t is not null)
            {
                return t;
            }
        }
        else if (listCt > 0 && listCt + dynCt == n)
        {
            return UnifyCollections(HclTypeKind.List, types, unsafeMode, dynCt > 0);
        }
        else if (listCt > 0 && listCt + tupleCt + dynCt == n)
        {
            var t = UnifyTuplesAsList(types, unsafeMode);
            if (t is not null)
            {
                return t;
            }
        }
        else if (setCt > 0 && setCt + dynCt == n)
        {
            return UnifyCollections(HclTypeKind.Set, types, unsafeMode, dynCt > 0);
        }
        else if (objectCt > 0 && objectCt + dynCt == n)
        {
            return dynCt > 0 ? HclType.Dynamic : UnifyObjectTypes(types, unsafeMode);
        }
        else if (tupleCt > 0 && tupleCt + dynCt == n)
        {
            return dynCt > 0 ? HclType.Dynamic : UnifyTupleTypes(types, unsafeMode);
        }
        else if (objectCt > 0 && tupleCt > 0)
        {
            return null;
        }

        foreach (var idx in SortTypes(types))
        {
            var want = types[idx];
            bool ok = true;
            for (int i = 0; i < n && ok; i++)
            {
                ok = i == idx || types[i].Equals(want) || GetConv(types[i], want, unsafeMode) is not null;
            }

            if (ok)
            {
                return want;
            }
        }

        return null;
    }

    private static HclType? AllConvertible(IReadOnlyList<HclType> types, HclType target, bool unsafeMode)
    {
        foreach (var t in types)
        {
            if (!t.Equals(target) && GetConv(t, target, unsafeMode) is null)
            {
                return null;
            }
        }

        return target;
    }

    private static HclType? UnifyCollections(HclTypeKind kind, IReadOnlyList<HclType> types, bool unsafeMode, bool hasDynamic)
    {
        if (hasDynamic)
        {
            return HclType.Dynamic;
        }

        var ety = UnifyCore(types.Select(t => t.ElementType).ToList(), unsafeMode);
        if (ety is null)
        {
            return null;
        }

        var ret = kind switch
        {
            HclTypeKind.List => HclType.List(ety),
            HclTypeKind.Set => HclType.Set(ety),
            _ => HclType.Map(ety),
        };
        return AllConvertible(types, ret, unsafeMode);
    }

    private static HclType? UnifyObjectsAsMaps(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var etys = new List<HclType>();
        foreach (var t in types)
        {
            if (t.IsMap)
            {
                etys.Add(t.ElementType);
            }
            else if (t.IsObject)
            {
                etys.AddRange(t.AttributeTypes.Values);
            }
        }

        var ety = UnifyCore(etys, unsafeMode);
        return ety is null ? null : AllConvertible(types, HclType.Map(ety), unsafeMode);
    }

    private static HclType? UnifyTuplesAsList(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var etys = new List<HclType>();
        foreach (var t in types)
        {
            if (t.IsList)
            {
                etys.Add(t.ElementType);
            }
            else if (t.IsTuple)
            {
                etys.AddRange(t.TupleElementTypes);
            }
        }

        var ety = UnifyCore(etys, unsafeMode);
        return ety is null ? null : AllConvertible(types, HclType.List(ety), unsafeMode);
    }

    private static HclType? UnifyObjectTypes(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var firstAttrs = types[0].AttributeTypes;
        foreach (var t in types.Skip(1))
        {
            var attrs = t.AttributeTypes;
            if (attrs.Count != firstAttrs.Count || attrs.Keys.Any(k => !firstAttrs.ContainsKey(k)))
            {
                return UnifyObjectTypesToMap(types, unsafeMode);
            }
        }

        var ret = new List<KeyValuePair<string, HclType>>();
        foreach (var name in firstAttrs.Keys)
        {
            var u = UnifyCore(types.Select(t => t.AttributeType(name)).ToList(), unsafeMode);
            if (u is null)
            {
                return null;
            }

            ret.Add(new(name, u));
        }

        var retTy = HclType.Object(ret);
        return AllConvertible(types, retTy, unsafeMode) ?? UnifyObjectTypesToMap(types, unsafeMode);
    }

    private static HclType? UnifyObjectTypesToMap(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var ety = UnifyCore(types.SelectMany(t => t.AttributeTypes.Values).ToList(), unsafeMode);
        return ety is null ? null : AllConvertible(types, HclType.Map(ety), unsafeMode);
    }

    private static HclType? UnifyTupleTypes(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var firstE = types[0].TupleElementTypes;
        if (types.Skip(1).Any(t => t.TupleElementTypes.Count != firstE.Count))
        {
            return UnifyTupleTypesToList(types, unsafeMode);
        }

        var ret = new HclType[firstE.Count];
        for (int i = 0; i < ret.Length; i++)
        {
            var u = UnifyCore(types.Select(t => t.TupleElementTypes[i]).ToList(), unsafeMode);
            if (u is null)
            {
                return null;
            }

            ret[i] = u;
        }

        var retTy = HclType.Tuple(ret);
        return AllConvertible(types, retTy, unsafeMode) ?? UnifyTupleTypesToList(types, unsafeMode);
    }

    private static HclType? UnifyTupleTypesToList(IReadOnlyList<HclType> types, bool unsafeMode)
    {
        var ety = UnifyCore(types.SelectMany(t => t.TupleElementTypes).ToList(), unsafeMode);
        return ety is null ? null : AllConvertible(types, HclType.List(ety), unsafeMode);
    }

    /// <summary>cty's preference order for unification: a topological sort of "more general than".</summary>
    private static int[] SortTypes(IReadOnlyList<HclType> types)
    {
        int l = types.Count;
        var edges = new List<int>[l];
        for (int i = 0; i < l; i++)
        {
            edges[i] = [];
        }

        for (int i = 0; i < l - 1; i++)
        {
            for (int j = i + 1; j < l; j++)
            {
                int cmp = CompareTypes(types[i], types[j]);
                if (cmp < 0)
                {
                    edges[i].Add(j);
                }
                else if (cmp > 0)
                {
                    edges[j].Add(i);
                }
            }
        }

        var inDegree = new int[l];
        foreach (var outs in edges)
        {
            foreach (var j in outs)
            {
                inDegree[j]++;
            }
        }

        var result = new List<int>(l);
        for (int i = 0; i < l; i++)
        {
            if (inDegree[i] == 0)
            {
                result.Add(i);
            }
        }

        for (int q = 0; q < result.Count; q++)
        {
            foreach (var j in edges[result[q]])
            {
                if (--inDegree[j] == 0)
                {
                    result.Add(j);
                }
            }
        }

        return [.. result];
    }

    private static int CompareTypes(HclType a, HclType b)
    {
        // The dynamic pseudo-type has the lowest preference: anything converts to it, and we optimistically
        // assume dynamic values will converge on their neighbours' type.
        if (a.IsDynamic || b.IsDynamic)
        {
            return !a.IsDynamic ? -1 : !b.IsDynamic ? 1 : 0;
        }

        if (a.IsPrimitive && b.IsPrimitive && (a.IsString || b.IsString))
        {
            return !a.IsString ? 1 : !b.IsString ? -1 : 0;
        }

        if (a.Kind == b.Kind && a.IsCollection)
        {
            return CompareTypes(a.ElementType, b.ElementType);
        }

        int swap = 1;
        if ((a.IsTuple && b.IsList) || (a.IsObject && b.IsMap) || (a.IsSet && b.IsTuple) || (a.IsSet && b.IsList))
        {
            (a, b) = (b, a);
            swap = -1;
        }

        if (b.IsSet && (a.IsTuple || a.IsList))
        {
            return -1 * swap;
        }

        if (a.IsList && b.IsTuple)
        {
            return -1 * swap;
        }

        if (a.IsMap && b.IsObject)
        {
            return -1 * swap;
        }

        if (a.IsObject && b.IsObject)
        {
            var atysA = a.AttributeTypes;
            var atysB = b.AttributeTypes;
            if (atysA.Count != atysB.Count)
            {
                return 0;
            }

            bool hasASuper = false, hasBSuper = false;
            foreach (var (k, ta) in atysA)
            {
                if (!atysB.TryGetValue(k, out var tb))
                {
                    return 0;
                }

                int c = CompareTypes(ta, tb);
                hasASuper |= c < 0;
                hasBSuper |= c > 0;
            }

            return hasASuper && hasBSuper ? 0 : hasASuper ? -1 * swap : hasBSuper ? 1 * swap : 0;
        }

        if (a.IsTuple && b.IsTuple)
        {
            var ea = a.TupleElementTypes;
            var eb = b.TupleElementTypes;
            if (ea.Count != eb.Count)
            {
                return 0;
            }

            bool hasASuper = false, hasBSuper = false;
            for (int i = 0; i < ea.Count; i++)
            {
                int c = CompareTypes(ea[i], eb[i]);
                hasASuper |= c < 0;
                hasBSuper |= c > 0;
            }

            return hasASuper && hasBSuper ? 0 : hasASuper ? -1 * swap : hasBSuper ? 1 * swap : 0;
        }

        return 0;
    }
}
