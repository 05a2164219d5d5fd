namespace Provisioner.Hcl.Values;

/// <summary>
/// cty's conversion and unification rules (<c>cty/convert</c>). <see cref="Convert"/> is what HCL uses for
/// attribute and argument values (it allows "unsafe" conversions such as string → number that may fail for
/// some values); <see cref="GetConversion"/> is the safe variant used for type checking.
/// </summary>
/// <remarks>
/// Marks survive conversion. Unknown and null inputs convert to unknown/null of the target type.
/// Errors carry cty's wording and the path inside the value.
/// </remarks>
public static partial class HclConvert
{
    internal delegate HclResult Conv(HclValue value, HclPath? path);

    private static readonly Conv Identity = (v, _) => v;

    /// <summary>Converts a value to the wanted type (unsafe conversions allowed), like cty's <c>convert.Convert</c>.</summary>
    public static HclResult Convert(HclValue value, HclType want)
    {
        if (value.Type.Equals(want))
        {
            return value;
        }

        var conv = GetConv(value.Type, want, unsafeMode: true);
        if (conv is null)
        {
            var (u, _) = value.Unmark();
            return HclResult.Fail(MismatchMessage(u.Type, want));
        }

        return conv(value, null);
    }

    /// <summary>A safe conversion (never fails for well-typed input), or null if none exists.</summary>
    public static HclConversion? GetConversion(HclType from, HclType to) => Public(GetConv(from, to, false));

    /// <summary>A conversion that may fail for some values (string → number, list → set, map → object), or null.</summary>
    public static HclConversion? GetConversionUnsafe(HclType from, HclType to) => Public(GetConv(from, to, true));

    /// <summary>True if some conversion exists.</summary>
    public static bool CanConvert(HclType from, HclType to, bool allowUnsafe = true) => GetConv(from, to, allowUnsafe) is not null;

    private static HclConversion? Public(Conv? c) => c is null ? null : v => c(v, null);

    internal static Conv? GetConv(HclType inType, HclType outType, bool unsafeMode)
    {
        if (inType.Equals(outType))
        {
            return Identity;
        }

        var known = GetConvKnown(inType, outType, unsafeMode);
        if (known is null)
        {
            return null;
        }

        Conv? wrapped = null;
        wrapped = (v, path) =>
        {
            if (v.IsMarked)
            {
                var (u, marks) = v.Unmark();
                var r = wrapped!(u, path);
                return r.IsSuccess ? r.Value.WithMarks(marks) : r;
            }

            if (outType.IsDynamic)
            {
                return v;
            }

            if (!v.IsKnown || v.IsNull)
            {
                var t = DynamicReplace(v.Type, outType.WithoutOptionalAttributes());
                return v.IsKnown ? HclValue.NullOf(t) : HclValue.UnknownOf(t);
            }

            return known(v, path);
        };
        return wrapped;
    }

    private static Conv? GetConvKnown(HclType inType, HclType outType, bool unsafeMode)
    {
        if (outType.IsDynamic)
        {
            return Identity;
        }

        if (inType.IsDynamic)
        {
            if (!unsafeMode)
            {
                return null;
            }

            return (v, path) =>
            {
                var r = Convert(v, outType);
                return r.IsSuccess ? r : HclResult.Fail(r.Error with { Path = HclPath.Format(path) + r.Error.Path });
            };
        }

        if (inType.IsPrimitive && outType.IsPrimitive)
        {
            return Primitive(inType, outType, unsafeMode);
        }

        switch (outType.Kind)
        {
            case HclTypeKind.Object when inType.IsObject:
                return ObjectToObject(inType, outType, unsafeMode);
            case HclTypeKind.Object when inType.IsMap:
                return unsafeMode ? MapToObject(inType, outType, unsafeMode) : null;
            case HclTypeKind.Tuple when inType.IsTuple:
                return TupleToTuple(inType, outType, unsafeMode);
            case HclTypeKind.Tuple when inType.IsList || inType.IsSet:
                return unsafeMode ? CollectionToTuple(inType, outType, unsafeMode) : null;
            case HclTypeKind.List when inType.IsList || inType.IsSet:
            case HclTypeKind.Set when inType.IsList || inType.IsSet:
            case HclTypeKind.Map when inType.IsMap:
                if (outType.IsSet && inType.IsList && !unsafeMode)
                {
                    return null; // loses order and duplicates
                }

                return CollectionToCollection(inType, outType, unsafeMode);
            case HclTypeKind.List when inType.IsTuple:
            case HclTypeKind.Set when inType.IsTuple:
                return TupleToSequence(inType, outType, unsafeMode);
            case HclTypeKind.Map when inType.IsObject:
                return ObjectToMap(inType, outType, unsafeMode);
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------ primitives

    private static Conv? Primitive(HclType inType, HclType outType, bool unsafeMode)
    {
        if (outType.IsString)
        {
            return inType.IsNumber
                ? (v, _) => HclValue.String(v.AsNumber().ToString())
                : (v, _) => HclValue.String(v.AsBool() ? "true" : "false");
        }

        if (!inType.IsString || !unsafeMode)
        {
            return null;
        }

        if (outType.IsNumber)
        {
            return (v, path) => HclNumber.TryParse(v.AsString(), out var n)
                ? HclValue.Number(n)
                : HclResult.Fail("a number is required", HclPath.Format(path));
        }

        return (v, path) =>
        {
            switch (v.AsString())
            {
                case "true":
                case "1":
                    return HclValue.True;
                case "false":
                case "0":
                    return HclValue.False;
                case var s when s.Equals("true", StringComparison.OrdinalIgnoreCase):
                    return HclResult.Fail("a bool is required; to convert from string, use lowercase \"true\"", HclPath.Format(path));
                case var s when s.Equals("false", StringComparison.OrdinalIgnoreCase):
                    return HclResult.Fail("a bool is required; to convert from string, use lowercase \"false\"", HclPath.Format(path));
                default:
                    return HclResult.Fail("a bool is required", HclPath.Format(path));
            }
        };
    }

    // ------------------------------------------------------------------ structural

    private static Conv? ObjectToObject(HclType inType, HclType outType, bool unsafeMode)
    {
        var outAttrs = outType.AttributeTypes;
        var convs = new Dictionary<string, Conv>(StringComparer.Ordinal);
        foreach (var (name, outAty) in outAttrs)
        {
            if (!inType.HasAttribute(name))
            {
                if (outType.IsOptionalAttribute(name))
                {
                    continue;
                }

                return null;
            }

            var c = GetConv(inType.AttributeType(name), outAty, unsafeMode);
            if (c is null)
            {
                return null;
            }

            convs[name] = c;
        }

        return (v, path) =>
        {
            var result = new List<KeyValuePair<string, HclValue>>(outAttrs.Count);
            foreach (var (name, outAty) in outAttrs)
            {
                if (convs.TryGetValue(name, out var c))
                {
                    var r = c(v.Attributes[name], HclPath.Attribute(path, name));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    result.Add(new(name, RetypeNull(r.Value)));
                }
                else
                {
                    result.Add(new(name, HclValue.NullOf(outAty.WithoutOptionalAttributes())));
                }
            }

            return HclValue.Object(result);
        };
    }

    private static Conv? TupleToTuple(HclType inType, HclType outType, bool unsafeMode)
    {
        var inE = inType.TupleElementTypes;
        var outE = outType.TupleElementTypes;
        if (inE.Count != outE.Count)
        {
            return null;
        }

        var convs = new Conv[inE.Count];
        for (int i = 0; i < convs.Length; i++)
        {
            var c = GetConv(inE[i], outE[i], unsafeMode);
            if (c is null)
            {
                return null;
            }

            convs[i] = c;
        }

        return (v, path) =>
        {
            var elems = new HclValue[convs.Length];
            for (int i = 0; i < convs.Length; i++)
            {
                var r = convs[i](v.Elements[i], HclPath.Index(path, i));
                if (!r.IsSuccess)
                {
                    return r;
                }

                elems[i] = RetypeNull(r.Value);
            }

            return HclValue.Tuple(elems);
        };
    }

    private static Conv? CollectionToTuple(HclType inType, HclType outType, bool unsafeMode)
    {
        var outE = outType.TupleElementTypes;
        var convs = new Conv[outE.Count];
        for (int i = 0; i < convs.Length; i++)
        {
            var c = GetConv(inType.ElementType, outE[i], unsafeMode);
            if (c is null)
            {
                return null;
            }

            convs[i] = c;
        }

        return (v, path) =>
        {
            var src = v.Elements;
            if (src.Count != convs.Length)
            {
                return HclResult.Fail($"tuple of {convs.Length} elements required, but the value has {src.Count}", HclPath.Format(path));
            }

            var elems = new HclValue[convs.Length];
            for (int i = 0; i < convs.Length; i++)
            {
                var r = convs[i](src[i], HclPath.Index(path, i));
                if (!r.IsSuccess)
                {
                    return r;
                }

                elems[i] = RetypeNull(r.Value);
            }

            return HclValue.Tuple(elems);
        };
    }

    // ------------------------------------------------------------------ collections

    private static Conv? CollectionToCollection(HclType inType, HclType outType, bool unsafeMode)
    {
        var outEty = outType.ElementType;
        var ec = GetConv(inType.ElementType, outEty, unsafeMode);
        if (ec is null)
        {
            return null;
        }

        bool isMap = outType.IsMap;
        return (v, path) =>
        {
            if (isMap)
            {
                var keys = v.Attributes.Keys.ToArray();
                var vals = new HclValue[keys.Length];
                int i = 0;
                foreach (var (k, e) in v.Attributes)
                {
                    var r = ec(e, HclPath.Key(path, k));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    vals[i++] = RetypeNull(r.Value);
                }

                return BuildMap(keys, vals, outEty, v.Type.ElementType, path, unsafeMode);
            }

            var src = v.Elements;
            if (v.Type.IsSet && outType.IsList && src.Count > 1 && src.Any(e => !e.IsWhollyKnown))
            {
                // The order of unknown set elements is undecided, so the whole list is unknown.
                return HclValue.UnknownOf(DynamicReplace(v.Type, outType.WithoutOptionalAttributes()));
            }

            var elems = new HclValue[src.Count];
            for (int i = 0; i < elems.Length; i++)
            {
                var r = ec(src[i], HclPath.Index(path, i));
                if (!r.IsSuccess)
                {
                    return r;
                }

                elems[i] = RetypeNull(r.Value);
            }

            return BuildSequence(outType.Kind, elems, outEty, v.Type.ElementType, path, unsafeMode);
        };
    }

    private static Conv? TupleToSequence(HclType inType, HclType outType, bool unsafeMode)
    {
        var etys = inType.TupleElementTypes;
        var ety = outType.ElementType;
        var kind = outType.Kind;
        if (etys.Count == 0)
        {
            return (_, _) => BuildEmpty(kind, ety.WithoutOptionalAttributes());
        }

        if (ety.IsDynamic)
        {
            var u = UnifyCore(etys, unsafeMode);
            if (u is null)
            {
                return null;
            }

            if (u.IsDynamic && etys.Any(t => !t.IsDynamic))
            {
                return null;
            }

            ety = u;
        }

        var convs = new Conv[etys.Count];
        for (int i = 0; i < convs.Length; i++)
        {
            var c = GetConv(etys[i], ety, unsafeMode);
            if (c is null)
            {
                return null;
            }

            convs[i] = c;
        }

        var finalEty = ety;
        return (v, path) =>
        {
            var elems = new HclValue[convs.Length];
            for (int i = 0; i < convs.Length; i++)
            {
                var r = convs[i](v.Elements[i], HclPath.Index(path, i));
                if (!r.IsSuccess)
                {
                    return r;
                }

                elems[i] = RetypeNull(r.Value);
            }

            return BuildSequence(kind, elems, finalEty, finalEty, path, unsafeMode);
        };
    }

    private static Conv? ObjectToMap(HclType inType, HclType outType, bool unsafeMode)
    {
        var atys = inType.AttributeTypes;
        var ety = outType.ElementType;
        if (atys.Count == 0)
        {
            return (_, _) => HclValue.MapOf(ety.WithoutOptionalAttributes());
        }

        if (ety.IsDynamic)
        {
            var u = UnifyCore(atys.Values.ToList(), unsafeMode);
            if (u is null)
            {
                return null;
            }

            ety = u;
        }

        var convs = new Dictionary<string, Conv>(StringComparer.Ordinal);
        foreach (var (name, aty) in atys)
        {
            var c = GetConv(aty, ety, unsafeMode);
            if (c is null)
            {
                return null;
            }

            convs[name] = c;
        }

        var finalEty = ety;
        return (v, path) =>
        {
            var keys = v.Attributes.Keys.ToArray();
            var vals = new HclValue[keys.Length];
            int i = 0;
            foreach (var (k, e) in v.Attributes)
            {
                var r = convs[k](e, HclPath.Attribute(path, k));
                if (!r.IsSuccess)
                {
                    return r;
                }

                vals[i++] = RetypeNull(r.Value);
            }

            return BuildMap(keys, vals, finalEty, finalEty, path, unsafeMode);
        };
    }

    private static Conv? MapToObject(HclType inType, HclType outType, bool unsafeMode)
    {
        var outAttrs = outType.AttributeTypes;
        var convs = new Dictionary<string, Conv?>(StringComparer.Ordinal);
        foreach (var (name, aty) in outAttrs)
        {
            var c = GetConv(inType.ElementType, aty, unsafeMode);
            if (c is null && !outType.IsOptionalAttribute(name))
            {
                return null;
            }

            convs[name] = c;
        }

        return (v, path) =>
        {
            var result = new List<KeyValuePair<string, HclValue>>(outAttrs.Count);
            foreach (var (name, aty) in outAttrs)
            {
                if (v.Attributes.TryGetValue(name, out var e))
                {
                    var c = convs[name];
                    if (c is null)
                    {
                        return HclResult.Fail(
                            $"map element type is incompatible with attribute \"{name}\": {MismatchMessage(e.Type, aty)}",
                            HclPath.Format(path));
                    }

                    var r = c(e, HclPath.Key(path, name));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    result.Add(new(name, RetypeNull(r.Value)));
                }
                else if (outType.IsOptionalAttribute(name))
                {
                    result.Add(new(name, HclValue.NullOf(aty.WithoutOptionalAttributes())));
                }
                else
                {
                    return HclResult.Fail($"map has no element for required attribute \"{name}\"", HclPath.Format(path));
                }
            }

            return HclValue.Object(result);
        };
    }

    private static HclValue RetypeNull(HclValue v) =>
        v.IsNull && v.Type.HasOptionalAttributes ? HclValue.NullOf(v.Type.WithoutOptionalAttributes()).WithMarks(v.Marks) : v;

    private static HclValue BuildEmpty(HclTypeKind kind, HclType ety) => kind switch
    {
        HclTypeKind.List => HclValue.ListOf(ety),
        HclTypeKind.Set => HclValue.SetOf(ety),
        _ => HclValue.MapOf(ety),
    };

    private static HclResult BuildSequence(HclTypeKind kind, HclValue[] elems, HclType ety, HclType emptyDynamicEty, HclPath? path, bool unsafeMode)
    {
        if (elems.Length == 0)
        {
            return BuildEmpty(kind, ety.IsDynamic ? emptyDynamicEty : ety.WithoutOptionalAttributes());
        }

        var r = UnifyElements(elems, path, unsafeMode, kind == HclTypeKind.List ? "list" : "set");
        if (!r.Ok)
        {
            return HclResult.Fail(r.Error!);
        }

        return kind == HclTypeKind.List ? HclValue.ListOf(r.Type!, r.Values) : HclValue.SetOf(r.Type!, r.Values);
    }

    private static HclResult BuildMap(string[] keys, HclValue[] vals, HclType ety, HclType emptyDynamicEty, HclPath? path, bool unsafeMode)
    {
        if (vals.Length == 0)
        {
            return HclValue.MapOf(ety.IsDynamic ? emptyDynamicEty : ety.WithoutOptionalAttributes());
        }

        var r = UnifyElements(vals, path, unsafeMode, "map");
        if (!r.Ok)
        {
            return HclResult.Fail(r.Error!);
        }

        return HclValue.MakeMapping(HclType.Map(r.Type!), SortedStringMap<HclValue>.FromSorted(keys, r.Values));
    }

    private readonly record struct Unified(bool Ok, HclType? Type, HclValue[] Values, HclError? Error);

    /// <summary>Makes all values one type (cty's conversionUnify*Elements) so they can form a collection.</summary>
    private static Unified UnifyElements(HclValue[] values, HclPath? path, bool unsafeMode, string what)
    {
        var t0 = values[0].Type;
        bool same = true;
        for (int i = 1; i < values.Length && same; i++)
        {
            same = values[i].Type.Equals(t0);
        }

        if (same)
        {
            return new Unified(true, t0, values, null);
        }

        var ut = UnifyCore(values.Select(v => v.Type).ToList(), unsafeMode);
        if (ut is null)
        {
            return new Unified(false, null, values, new HclError($"all {what} elements must have the same type", HclPath.Format(path)));
        }

        var outVals = new HclValue[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Type.Equals(ut))
            {
                outVals[i] = values[i];
                continue;
            }

            var c = GetConv(values[i].Type, ut, unsafeMode);
            var r = c is null ? HclResult.Fail($"all {what} elements must have the same type", HclPath.Format(path)) : c(values[i], HclPath.Index(path, i));
            if (!r.IsSuccess)
            {
                return new Unified(false, null, values, r.Error);
            }

            outVals[i] = r.Value;
        }

        // A dynamic unified type can leave heterogeneous values behind; that cannot form a collection.
        for (int i = 1; i < outVals.Length; i++)
        {
            if (!outVals[i].Type.Equals(outVals[0].Type))
            {
                return new Unified(false, null, values, new HclError($"all {what} elements must have the same type", HclPath.Format(path)));
            }
        }

        return new Unified(true, outVals[0].Type, outVals, null);
    }

    // ------------------------------------------------------------------ dynamicReplace

    /// <summary>Replaces dynamic parts of <paramref name="outType"/> with the matching concrete parts of <paramref name="inType"/>.</summary>
    internal static HclType DynamicReplace(HclType inType, HclType outType)
    {
        if (inType.IsDynamic)
        {
            return outType;
        }

        switch (outType.Kind)
        {
            case HclTypeKind.Dynamic:
                return inType;
            case HclTypeKind.Map:
                if (inType.IsMap)
                {
                    return HclType.Map(DynamicReplace(inType.ElementType, outType.ElementType));
                }

                if (inType.IsObject)
                {
                    var u = UnifyCore(inType.AttributeTypes.Values.ToList(), true);
                    return HclType.Map(u is null ? outType.ElementType : DynamicReplace(u, outType.ElementType));
                }

                return outType;
            case HclTypeKind.Object:
                var attrs = new List<KeyValuePair<string, HclType>>();
                foreach (var (name, aty) in outType.AttributeTypes)
                {
                    if (inType.IsMap)
                    {
                        attrs.Add(new(name, DynamicReplace(inType.ElementType, aty)));
                    }
                    else if (inType.IsObject && inType.HasAttribute(name))
                    {
                        attrs.Add(new(name, DynamicReplace(inType.AttributeType(name), aty)));
                    }
                    else
                    {
                        attrs.Add(new(name, aty));
                    }
                }

                return HclType.Object(attrs, outType.OptionalAttributes);
            case HclTypeKind.List:
            case HclTypeKind.Set:
                HclType ety;
                if (inType.IsList || inType.IsSet)
                {
                    ety = DynamicReplace(inType.ElementType, outType.ElementType);
                }
                else if (inType.IsTuple)
                {
                    var u = UnifyCore(inType.TupleElementTypes, true);
                    ety = u is null ? outType.ElementType : DynamicReplace(u, outType.ElementType);
                }
                else
                {
                    return outType;
                }

                return outType.IsList ? HclType.List(ety) : HclType.Set(ety);
            case HclTypeKind.Tuple:
                if (!inType.IsTuple || inType.TupleElementTypes.Count != outType.TupleElementTypes.Count)
                {
                    return outType;
                }

                return HclType.Tuple(outType.TupleElementTypes.Select((t, i) => DynamicReplace(inType.TupleElementTypes[i], t)));
            default:
                return outType;
        }
    }
}
