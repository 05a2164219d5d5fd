using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// The collection functions of the standard library: alltrue anytrue chunklist coalesce coalescelist compact concat
/// contains distinct element flatten index keys length lookup matchkeys merge one range reverse setintersection
/// setproduct setsubtract setunion slice sort transpose values zipmap, plus <c>list</c> and <c>map</c>, which only
/// report their removal.
/// </summary>
/// <remarks>
/// Result types, unknown handling and messages follow Terraform (its own <c>lang/funcs</c> versions where it
/// overrides go-cty's stdlib: length, coalesce, index, lookup, matchkeys, one, transpose, alltrue, anytrue).
/// Functions whose parameters allow marks remove top-level marks themselves and put them back on the result, so
/// marks on individual elements stay on those elements.
/// </remarks>
internal static partial class CollectionFunctions
{
    private const string ListRemoved =
        "the \"list\" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list";

    private const string MapRemoved =
        "the \"map\" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map";

    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        var dyn = HclType.Dynamic;
        var anything = Param("vals", dyn) with { AllowUnknown = true, AllowDynamicType = true, AllowNull = true };

        yield return new HclFunction("length", [Param("value", dyn) with { AllowDynamicType = true, AllowUnknown = true, AllowMarked = true }], null,
            LengthType, Length, "Determines the length of a given list, map, or string.");

        yield return new HclFunction("alltrue", [Param("list", HclType.List(HclType.Bool))], null, HclFunction.Returns(HclType.Bool),
            AllTrue, "Returns true if all elements in a given collection are true or \"true\".");

        yield return new HclFunction("anytrue", [Param("list", HclType.List(HclType.Bool))], null, HclFunction.Returns(HclType.Bool),
            AnyTrue, "Returns true if any element in a given collection is true or \"true\".");

        yield return new HclFunction("coalesce", [], anything, CoalesceType, Coalesce,
            "Takes any number of arguments and returns the first one that isn't null or an empty string.");

        yield return new HclFunction("coalescelist", [], anything, CoalesceListType, CoalesceList,
            "Takes any number of list arguments and returns the first one that isn't empty.");

        yield return new HclFunction("compact", [Param("list", HclType.List(HclType.String))], null, HclFunction.Returns(HclType.List(HclType.String)),
            Compact, "Takes a list of strings and returns a new list with any null or empty string elements removed.");

        yield return new HclFunction("contains", [Param("list", dyn), Param("value", dyn)], null, HclFunction.Returns(HclType.Bool),
            Contains, "Determines whether a given list or set contains a given single value as one of its elements.");

        yield return new HclFunction("index", [Param("list", dyn), Param("value", dyn)], null, HclFunction.Returns(HclType.Number),
            Index, "Finds the element index for a given value in a list.");

        yield return new HclFunction("distinct", [Param("list", HclType.List(dyn))], null, args => args[0].Type,
            Distinct, "Takes a list and returns a new list with any duplicate elements removed.");

        yield return new HclFunction("sort", [Param("list", HclType.List(HclType.String))], null, HclFunction.Returns(HclType.List(HclType.String)),
            Sort, "Takes a list of strings and returns a new list with those strings sorted lexicographically.");

        yield return new HclFunction("one", [Param("list", dyn)], null, OneType, One,
            "Takes a list, set, or tuple value with either zero or one elements.");

        yield return new HclFunction("range", [], Param("params", HclType.Number), HclFunction.Returns(HclType.List(HclType.Number)),
            Range, "Generates a list of numbers using a start value, a limit value, and a step value.");

        yield return new HclFunction("list", [], anything, _ => FunctionTypeResult.Fail(ListRemoved), (_, _) => FunctionResult.Fail(ListRemoved),
            "Removed in Terraform v0.12; use tolist([ ... ]).");

        yield return new HclFunction("map", [], anything, _ => FunctionTypeResult.Fail(MapRemoved), (_, _) => FunctionResult.Fail(MapRemoved),
            "Removed in Terraform v0.12; use tomap({ ... }).");

        foreach (var f in CreateSequenceFunctions())
        {
            yield return f;
        }

        foreach (var f in CreateMappingFunctions())
        {
            yield return f;
        }

        foreach (var f in CreateSetFunctions())
        {
            yield return f;
        }
    }

    private static FunctionTypeResult LengthType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsString || t.IsTuple || t.IsObject || t.IsList || t.IsMap || t.IsSet || t.IsDynamic)
        {
            return HclType.Number;
        }

        return FunctionTypeResult.Fail("argument must be a string, a collection type, or a structural type");
    }

    private static FunctionResult Length(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var coll = a[0];
        var t = coll.Type;
        var marks = coll.Marks;
        if (t.IsDynamic)
        {
            return HclValue.UnknownOf(HclType.Number).WithMarks(marks);
        }

        if (t.IsTuple)
        {
            return HclValue.Number(t.TupleElementTypes.Count).WithMarks(marks);
        }

        if (t.IsObject)
        {
            return HclValue.Number(t.AttributeTypes.Count).WithMarks(marks);
        }

        if (t.IsString)
        {
            // cty's strlen (grapheme clusters); its parameter takes marks off at every level and puts them back.
            var (s, deep) = coll.UnmarkDeep();
            return (s.IsKnown ? HclValue.Number(GraphemeCount(s.AsString())) : HclValue.UnknownOf(HclType.Number)).WithMarks(deep);
        }

        return coll.Length();
    }

    private static FunctionResult AllTrue(IReadOnlyList<HclValue> a, HclType returnType)
    {
        foreach (var v in a[0].Elements)
        {
            if (!v.IsKnown)
            {
                return HclValue.UnknownOf(HclType.Bool);
            }

            if (v.IsNull || !v.AsBool())
            {
                return HclValue.False;
            }
        }

        return HclValue.True;
    }

    private static FunctionResult AnyTrue(IReadOnlyList<HclValue> a, HclType returnType)
    {
        bool hasUnknown = false;
        foreach (var v in a[0].Elements)
        {
            if (!v.IsKnown)
            {
                hasUnknown = true;
                continue;
            }

            if (!v.IsNull && v.AsBool())
            {
                return HclValue.True;
            }
        }

        return hasUnknown ? HclValue.UnknownOf(HclType.Bool) : HclValue.False;
    }

    private static FunctionTypeResult CoalesceType(IReadOnlyList<HclValue> args)
    {
        var t = args.Count == 0 ? null : HclConvert.UnifyUnsafe(args.Select(v => v.Type));
        return t is null ? FunctionTypeResult.Fail("all arguments must have the same type") : t;
    }

    private static FunctionResult Coalesce(IReadOnlyList<HclValue> a, HclType returnType)
    {
        foreach (var arg in a)
        {
            var conv = HclConvert.Convert(arg, returnType);
            if (!conv.IsSuccess)
            {
                return FunctionResult.Fail(conv.Error!.ToString());
            }

            var v = conv.Value!;
            if (!v.IsKnown)
            {
                return HclValue.UnknownOf(returnType);
            }

            if (v.IsNull)
            {
                continue;
            }

            if (returnType.IsString && v.AsString().Length == 0)
            {
                continue;
            }

            return v;
        }

        return FunctionResult.Fail("no non-null, non-empty-string arguments");
    }

    private static FunctionTypeResult CoalesceListType(IReadOnlyList<HclValue> args)
    {
        if (args.Count == 0)
        {
            return FunctionTypeResult.Fail("at least one argument is required");
        }

        foreach (var arg in args)
        {
            if (!arg.IsKnown)
            {
                return HclType.Dynamic;
            }

            if (!arg.Type.IsList && !arg.Type.IsTuple)
            {
                return FunctionTypeResult.Fail("coalescelist arguments must be lists or tuples");
            }
        }

        var first = args[0].Type;
        return args.Skip(1).All(v => v.Type.Equals(first)) ? first : HclType.Dynamic;
    }

    private static FunctionResult CoalesceList(IReadOnlyList<HclValue> a, HclType returnType)
    {
        foreach (var arg in a)
        {
            if (!arg.IsKnown)
            {
                return HclValue.UnknownOf(returnType);
            }

            if (arg.IsNull)
            {
                continue;
            }

            if (arg.LengthInt() > 0)
            {
                return arg;
            }
        }

        return FunctionResult.Fail("no non-null arguments");
    }

    private static FunctionResult Compact(IReadOnlyList<HclValue> a, HclType returnType)
    {
        if (!a[0].IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType);
        }

        return HclValue.ListOf(HclType.String, a[0].Elements.Where(v => !v.IsNull && v.AsString().Length > 0));
    }

    private static FunctionResult Contains(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var list = a[0];
        var t = list.Type;
        if (!t.IsList && !t.IsTuple && !t.IsSet)
        {
            return FunctionResult.Fail("argument must be list, tuple, or set");
        }

        if (list.LengthInt() == 0)
        {
            return HclValue.False;
        }

        bool containsUnknown = false;
        foreach (var v in list.Elements)
        {
            var eq = a[1].Equal(v);
            if (!eq.IsKnown)
            {
                containsUnknown = true;
                continue;
            }

            if (eq.IsTrue)
            {
                return HclValue.True;
            }
        }

        return containsUnknown ? HclValue.UnknownOf(HclType.Bool) : HclValue.False;
    }

    private static FunctionResult Index(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var list = a[0];
        if (!list.Type.IsList && !list.Type.IsTuple)
        {
            return FunctionResult.Fail("argument must be a list or tuple");
        }

        if (list.LengthInt() == 0)
        {
            return FunctionResult.Fail("cannot search an empty list");
        }

        var elems = list.Elements;
        for (int i = 0; i < elems.Count; i++)
        {
            var eq = elems[i].Equal(a[1]);
            if (!eq.IsKnown)
            {
                return HclValue.UnknownOf(HclType.Number);
            }

            if (eq.IsTrue)
            {
                return HclValue.Number(i);
            }
        }

        return FunctionResult.Fail("item not found");
    }

    private static FunctionResult Distinct(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var list = a[0];
        if (!list.IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType);
        }

        var result = new List<HclValue>();
        foreach (var v in list.Elements)
        {
            if (!result.Any(r => r.Equal(v).IsTrue))
            {
                result.Add(v);
            }
        }

        return HclValue.ListOf(returnType.ElementType, result);
    }

    private static FunctionResult Sort(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var list = a[0];
        if (!list.IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType);
        }

        var elems = list.Elements;
        var strings = new List<string>(elems.Count);
        for (int i = 0; i < elems.Count; i++)
        {
            if (elems[i].IsNull)
            {
                return FunctionResult.Fail($"given list element {i} is null; a null string cannot be sorted");
            }

            strings.Add(elems[i].AsString());
        }

        strings.Sort(HclKeyComparer.Instance);
        return HclValue.ListOf(HclType.String, strings.Select(HclValue.String));
    }

    private const string OneMessage = "must be a list, set, or tuple value with either zero or one elements";

    private static FunctionTypeResult OneType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsList || t.IsSet)
        {
            return t.ElementType;
        }

        if (t.IsTuple && t.TupleElementTypes.Count <= 1)
        {
            return t.TupleElementTypes.Count == 0 ? HclType.Dynamic : t.TupleElementTypes[0];
        }

        return ArgTypeFail(0, "list", OneMessage);
    }

    private static FunctionResult One(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var v = a[0];
        if (v.Type.IsList || v.Type.IsSet)
        {
            var len = v.Length();
            if (!len.IsKnown)
            {
                return HclValue.UnknownOf(returnType);
            }

            switch (v.LengthInt())
            {
                case 0: return HclValue.NullOf(returnType);
                case 1: return v.Elements[0];
            }

            return ArgFail(0, "list", OneMessage);
        }

        return v.Type.TupleElementTypes.Count == 0 ? HclValue.NullOf(returnType) : v.Elements[0];
    }

    private static FunctionResult Range(IReadOnlyList<HclValue> a, HclType returnType)
    {
        HclNumber start, end, step;
        switch (a.Count)
        {
            case 1:
                start = HclNumber.Zero;
                end = a[0].AsNumber();
                step = end < HclNumber.Zero ? -1 : 1;
                break;
            case 2:
                start = a[0].AsNumber();
                end = a[1].AsNumber();
                step = end < start ? -1 : 1;
                break;
            case 3:
                start = a[0].AsNumber();
                end = a[1].AsNumber();
                step = a[2].AsNumber();
                break;
            default:
                return FunctionResult.Fail("must have one, two, or three arguments");
        }

        if (step.IsZero)
        {
            return ArgFail(2, "params", "step must not be zero");
        }

        bool down = step < HclNumber.Zero;
        if (down && end > start)
        {
            return ArgFail(1, "params", "end must be less than start when step is negative");
        }

        if (!down && end < start)
        {
            return ArgFail(1, "params", "end must be greater than start when step is positive");
        }

        var vals = new List<HclValue>();
        var num = start;
        while (down ? num > end : num < end)
        {
            if (vals.Count >= 1024)
            {
                return FunctionResult.Fail("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step");
            }

            vals.Add(HclValue.Number(num));
            if (!HclNumber.TryAdd(num, step, out num, out var err))
            {
                return FunctionResult.Fail(err ?? "invalid step");
            }
        }

        return HclValue.ListOf(HclType.Number, vals);
    }
}
