using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

internal static partial class CollectionFunctions
{
    private static IEnumerable<HclFunction> CreateMappingFunctions()
    {
        var dyn = HclType.Dynamic;

        yield return new HclFunction("keys", [Param("inputMap", dyn) with { AllowUnknown = true, AllowMarked = true }], null,
            KeysType, Keys, "Takes a map and returns a list containing the keys from that map.");

        yield return new HclFunction("values", [Param("values", dyn) with { AllowMarked = true }], null,
            ValuesType, Values, "Takes a map and returns a list containing the values of the elements in that map.");

        yield return new HclFunction("lookup",
            [Param("inputMap", dyn) with { AllowMarked = true }, Param("key", HclType.String) with { AllowMarked = true }],
            Param("default", dyn) with { AllowUnknown = true, AllowDynamicType = true, AllowNull = true, AllowMarked = true },
            LookupType, Lookup, "Retrieves the value of a single element from a map, given its key. If the given key does not exist, the given default value is returned instead.");

        yield return new HclFunction("merge", [], Param("maps", dyn) with { AllowDynamicType = true, AllowNull = true, AllowMarked = true },
            MergeType, Merge,
            "Takes an arbitrary number of maps or objects, and returns a single map or object that contains a merged set of elements from all arguments.");

        yield return new HclFunction("zipmap",
            [Param("keys", HclType.List(HclType.String)) with { AllowMarked = true }, Param("values", dyn) with { AllowMarked = true }], null,
            ZipmapType, Zipmap, "Constructs a map from a list of keys and a corresponding list of values.");

        yield return new HclFunction("transpose", [Param("values", HclType.Map(HclType.List(HclType.String)))], null,
            HclFunction.Returns(HclType.Map(HclType.List(HclType.String))), Transpose,
            "Takes a map of lists of strings and swaps the keys and values to produce a new map of lists of strings.");
    }

    private static List<string> SortedNames(HclType objectType)
    {
        var names = objectType.AttributeTypes.Keys.ToList();
        names.Sort(HclKeyComparer.Instance);
        return names;
    }

    private static FunctionTypeResult KeysType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsMap)
        {
            return HclType.List(HclType.String);
        }

        if (t.IsObject)
        {
            return HclType.Tuple(Enumerable.Repeat(HclType.String, t.AttributeTypes.Count));
        }

        return ArgTypeFail(0, "inputMap", "must have map or object type");
    }

    private static FunctionResult Keys(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (m, marks) = a[0].Unmark();
        if (m.Type.IsObject)
        {
            // Known from the type alone, even when the object itself is unknown.
            return HclValue.Tuple(SortedNames(m.Type).Select(HclValue.String)).WithMarks(marks);
        }

        if (!m.IsKnown)
        {
            return HclValue.UnknownOf(returnType).WithMarks(marks);
        }

        return HclValue.ListOf(HclType.String, m.Attributes.Keys.Select(HclValue.String)).WithMarks(marks);
    }

    private static FunctionTypeResult ValuesType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsMap)
        {
            return HclType.List(t.ElementType);
        }

        if (t.IsObject)
        {
            return HclType.Tuple(SortedNames(t).Select(t.AttributeType));
        }

        return FunctionTypeResult.Fail("values() requires a map as the first argument");
    }

    private static FunctionResult Values(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (m, marks) = a[0].Unmark();
        var vals = m.Attributes.Values.ToList();
        return (returnType.IsTuple ? HclValue.Tuple(vals) : HclValue.ListOf(returnType.ElementType, vals)).WithMarks(marks);
    }

    private static FunctionTypeResult LookupType(IReadOnlyList<HclValue> args)
    {
        if (args.Count > 3)
        {
            return FunctionTypeResult.Fail($"lookup() takes two or three arguments, got {args.Count}");
        }

        var t = args[0].Type;
        if (t.IsObject)
        {
            if (!args[1].IsKnown)
            {
                return HclType.Dynamic;
            }

            var key = args[1].AsString();
            if (t.HasAttribute(key))
            {
                return t.AttributeType(key);
            }

            if (args.Count == 3)
            {
                return args[2].Type;
            }

            return ArgTypeFail(0, "inputMap", $"the given object has no attribute {EncodingText.GoQuote(key)}");
        }

        if (t.IsMap)
        {
            if (args.Count == 3 && !HclConvert.Convert(args[2], t.ElementType).IsSuccess)
            {
                return ArgTypeFail(2, "default", "the default value must have the same type as the map elements");
            }

            return t.ElementType;
        }

        return ArgTypeFail(0, "inputMap", "lookup() requires a map as the first argument");
    }

    private static FunctionResult Lookup(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (map, mapMarks) = a[0].Unmark();
        var (keyVal, keyMarks) = a[1].Unmark();
        var marks = mapMarks.Union(keyMarks);
        var key = keyVal.AsString();
        if (!map.IsKnown)
        {
            return HclValue.UnknownOf(returnType).WithMarks(marks);
        }

        if (map.Type.IsObject)
        {
            if (map.Type.HasAttribute(key))
            {
                return map.Attributes[key].WithMarks(marks);
            }
        }
        else if (map.TryGetAttribute(key, out var found))
        {
            return found.WithMarks(marks);
        }

        if (a.Count == 3)
        {
            var conv = HclConvert.Convert(a[2], returnType);
            if (!conv.IsSuccess)
            {
                return FunctionResult.Fail(conv.Error!.ToString());
            }

            return conv.Value!.WithMarks(marks);
        }

        return FunctionResult.Fail($"lookup failed to find key {EncodingText.Redact(key, keyMarks)}");
    }

    private static FunctionTypeResult MergeType(IReadOnlyList<HclValue> args)
    {
        if (args.Count == 0)
        {
            return HclType.EmptyObject;
        }

        var attrs = new Dictionary<string, HclType>(StringComparer.Ordinal);
        HclType? first = null;
        bool matching = true;
        bool attrsKnown = true;
        foreach (var raw in args)
        {
            var t = raw.Type;
            if (t.IsDynamic)
            {
                return HclType.Dynamic;
            }

            if (!t.IsMap && !t.IsObject)
            {
                return FunctionTypeResult.Fail($"arguments must be maps or objects, got {EncodingText.GoQuote(t.FriendlyName)}");
            }

            var (arg, _) = raw.Unmark();
            if (t.IsObject && !arg.IsNull)
            {
                foreach (var (name, aty) in t.AttributeTypes)
                {
                    attrs[name] = aty;
                }
            }
            else if (t.IsMap)
            {
                if (arg.IsNull)
                {
                    // Nothing to add.
                }
                else if (arg.IsKnown)
                {
                    foreach (var k in arg.Attributes.Keys)
                    {
                        attrs[k] = t.ElementType;
                    }
                }
                else
                {
                    attrsKnown = false;
                }
            }

            if (first is null)
            {
                first = t;
                continue;
            }

            if (!t.Equals(first))
            {
                matching = false;
            }
        }

        if (matching)
        {
            return first!;
        }

        if (!attrsKnown)
        {
            return HclType.Dynamic;
        }

        return HclType.Object(attrs);
    }

    private static FunctionResult Merge(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var output = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var marks = HclMarks.None;
        foreach (var raw in a)
        {
            if (raw.IsNull)
            {
                continue;
            }

            var (arg, m) = raw.Unmark();
            marks = marks.Union(m);
            foreach (var (k, v) in arg.Attributes)
            {
                output[k] = v;
            }
        }

        if (returnType.IsMap)
        {
            return HclValue.MapOf(returnType.ElementType, output).WithMarks(marks);
        }

        return HclValue.Object(output).WithMarks(marks);
    }

    private static FunctionTypeResult ZipmapType(IReadOnlyList<HclValue> args)
    {
        var keys = args[0];
        var valuesTy = args[1].Type;
        if (valuesTy.IsList)
        {
            return HclType.Map(valuesTy.ElementType);
        }

        if (valuesTy.IsTuple)
        {
            if (!keys.IsWhollyKnown)
            {
                return HclType.Dynamic;
            }

            var (k, _) = keys.UnmarkDeep();
            var keysRaw = k.Elements;
            var etys = valuesTy.TupleElementTypes;
            if (keysRaw.Count != etys.Count)
            {
                return FunctionTypeResult.Fail($"number of keys ({keysRaw.Count}) does not match number of values ({etys.Count})");
            }

            var atys = new Dictionary<string, HclType>(StringComparer.Ordinal);
            for (int i = 0; i < keysRaw.Count; i++)
            {
                if (keysRaw[i].IsNull)
                {
                    return FunctionTypeResult.Fail($"keys list has null value at index {i}");
                }

                atys[keysRaw[i].AsString()] = etys[i];
            }

            return HclType.Object(atys);
        }

        return FunctionTypeResult.Fail("values argument must be a list or tuple value");
    }

    private static FunctionResult Zipmap(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (keys, keyMarks) = a[0].Unmark();
        var (values, valueMarks) = a[1].Unmark();
        var marks = keyMarks.Union(valueMarks);
        if (!keys.IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType).WithMarks(marks);
        }

        if (keys.LengthInt() != values.LengthInt())
        {
            return FunctionResult.Fail($"number of keys ({keys.LengthInt()}) does not match number of values ({values.LengthInt()})");
        }

        var output = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var keyElems = keys.Elements;
        for (int i = 0; i < keyElems.Count; i++)
        {
            var (k, km) = keyElems[i].Unmark();
            if (k.IsNull)
            {
                return FunctionResult.Fail($"keys list has null value at index {i}");
            }

            marks = marks.Union(km);
            output[k.AsString()] = values.Elements[i];
        }

        if (returnType.IsMap)
        {
            return HclValue.MapOf(returnType.ElementType, output).WithMarks(marks);
        }

        return HclValue.Object(output).WithMarks(marks);
    }

    private static FunctionResult Transpose(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var input = a[0];
        if (!input.IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType);
        }

        var tmp = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (inKey, inVal) in input.Attributes)
        {
            if (inVal.IsNull)
            {
                continue;
            }

            foreach (var v in inVal.Elements)
            {
                if (v.IsNull)
                {
                    return FunctionResult.Fail("input must be a map of lists of strings");
                }

                var outKey = v.AsString();
                if (!tmp.TryGetValue(outKey, out var list))
                {
                    tmp[outKey] = list = [];
                }

                list.Add(inKey);
            }
        }

        var ety = HclType.List(HclType.String);
        var output = tmp.Select(kv =>
        {
            kv.Value.Sort(HclKeyComparer.Instance);
            return new KeyValuePair<string, HclValue>(kv.Key, HclValue.ListOf(HclType.String, kv.Value.Select(HclValue.String)));
        });
        return HclValue.MapOf(ety, output);
    }
}
