using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

internal static partial class CollectionFunctions
{
    private static IEnumerable<HclFunction> CreateSequenceFunctions()
    {
        var dyn = HclType.Dynamic;
        var num = HclType.Number;

        yield return new HclFunction("chunklist",
            [Param("list", HclType.List(dyn)) with { AllowMarked = true }, Param("size", num) with { AllowMarked = true }], null,
            args => HclType.List(args[0].Type), Chunklist,
            "Splits a single list into fixed-size chunks, returning a list of lists.");

        yield return new HclFunction("concat", [], Param("seqs", dyn) with { AllowMarked = true }, ConcatType, Concat,
            "Combines two or more lists into a single list.");

        yield return new HclFunction("element", [Param("list", dyn) with { AllowMarked = true }, Param("index", num)], null,
            ElementType, Element, "Retrieves a single element from a list.");

        yield return new HclFunction("flatten", [Param("list", dyn) with { AllowMarked = true }], null, FlattenType, Flatten,
            "Transforms a list, set, or tuple value into a tuple, replacing any given elements that are themselves sequences with a flattened tuple of all of the nested elements concatenated together.");

        yield return new HclFunction("reverse", [Param("list", dyn) with { AllowMarked = true }], null, ReverseType, Reverse,
            "Takes a sequence and produces a new sequence of the same length with all of the same elements as the given sequence but in reverse order.");

        yield return new HclFunction("slice",
            [Param("list", dyn) with { AllowMarked = true }, Param("start_index", num), Param("end_index", num)], null,
            SliceType, Slice, "Extracts some consecutive elements from within a list.");

        yield return new HclFunction("matchkeys",
            [Param("values", HclType.List(dyn)), Param("keys", HclType.List(dyn)), Param("searchset", HclType.List(dyn))], null,
            MatchkeysType, Matchkeys,
            "Constructs a new list by taking a subset of elements from one list whose indexes match the corresponding indexes of values in another list.");
    }

    private static FunctionResult Chunklist(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (list, listMarks) = a[0].Unmark();
        var (sizeVal, sizeMarks) = a[1].Unmark();
        var marks = listMarks.Union(sizeMarks);
        if (!TryWhole(sizeVal, out var size))
        {
            return FunctionResult.Fail("invalid size: " + WholeNumberMessage);
        }

        if (size < 0)
        {
            return FunctionResult.Fail("the size argument must be positive");
        }

        if (list.LengthInt() == 0)
        {
            return HclValue.ListOf(list.Type).WithMarks(marks);
        }

        if (size == 0)
        {
            return HclValue.List(list).WithMarks(marks);
        }

        var ety = list.Type.ElementType;
        var chunks = list.Elements.Chunk((int)Math.Min(size, int.MaxValue)).Select(c => HclValue.ListOf(ety, c));
        return HclValue.ListOf(list.Type, chunks).WithMarks(marks);
    }

    private static FunctionTypeResult ConcatType(IReadOnlyList<HclValue> args)
    {
        if (args.Count == 0)
        {
            return FunctionTypeResult.Fail("at least one argument is required");
        }

        if (args[0].Type.IsList && args.All(v => v.Type.IsList))
        {
            var common = HclConvert.UnifyUnsafe(args.Select(v => v.Type));
            if (common is not null)
            {
                return common;
            }
        }

        var etys = new List<HclType>();
        for (int i = 0; i < args.Count; i++)
        {
            var t = args[i].Type;
            if (t.IsTuple)
            {
                etys.AddRange(t.TupleElementTypes);
            }
            else if (t.IsList)
            {
                if (!args[i].IsKnown)
                {
                    // The tuple type depends on how many elements the list has.
                    return HclType.Dynamic;
                }

                etys.AddRange(Enumerable.Repeat(t.ElementType, args[i].LengthInt()));
            }
            else
            {
                return ArgTypeFail(i, "seqs", $"all arguments must be lists or tuples; got {t.FriendlyName}");
            }
        }

        return HclType.Tuple(etys);
    }

    private static FunctionResult Concat(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var vals = new List<HclValue>();
        var marks = HclMarks.None;
        if (returnType.IsList)
        {
            for (int i = 0; i < a.Count; i++)
            {
                var conv = HclConvert.Convert(a[i], returnType);
                if (!conv.IsSuccess)
                {
                    return ArgFail(i, "seqs", conv.Error!.ToString());
                }

                var (list, m) = conv.Value!.Unmark();
                marks = marks.Union(m);
                vals.AddRange(list.Elements);
            }

            return HclValue.ListOf(returnType.ElementType, vals).WithMarks(marks);
        }

        foreach (var seq in a)
        {
            var (s, m) = seq.Unmark();
            marks = marks.Union(m);
            vals.AddRange(s.Elements);
        }

        return HclValue.Tuple(vals).WithMarks(marks);
    }

    private static FunctionTypeResult ElementType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        var index = args[1];
        if (t.IsList)
        {
            return t.ElementType;
        }

        if (t.IsTuple)
        {
            if (!index.IsKnown)
            {
                return HclType.Dynamic;
            }

            if (!TryWhole(index, out var i))
            {
                return FunctionTypeResult.Fail("invalid index: " + WholeNumberMessage);
            }

            var etys = t.TupleElementTypes;
            if (etys.Count == 0)
            {
                return FunctionTypeResult.Fail("cannot use element function with an empty list");
            }

            return etys[Wrap(i, etys.Count)];
        }

        return FunctionTypeResult.Fail($"cannot read elements from {t.FriendlyName}");
    }

    private static FunctionResult Element(IReadOnlyList<HclValue> a, HclType returnType)
    {
        if (!TryWhole(a[1], out var index))
        {
            return FunctionResult.Fail("invalid index: " + WholeNumberMessage);
        }

        var (list, marks) = a[0].Unmark();
        if (!list.IsKnown)
        {
            return HclValue.UnknownOf(returnType).WithMarks(marks);
        }

        int l = list.LengthInt();
        if (l == 0)
        {
            return FunctionResult.Fail("cannot use element function with an empty list");
        }

        return list.Elements[Wrap(index, l)].WithMarks(marks);
    }

    /// <summary>
    /// The index modulo the length. Negative indices count back from the end (Terraform 1.8 and later:
    /// <c>element(["a", "b", "c"], -1)</c> is <c>"c"</c>); earlier versions rejected them.
    /// </summary>
    private static int Wrap(long index, int length)
    {
        var i = index % length;
        return (int)(i < 0 ? i + length : i);
    }

    private static FunctionTypeResult FlattenType(IReadOnlyList<HclValue> args)
    {
        if (!args[0].IsWhollyKnown)
        {
            return HclType.Dynamic;
        }

        var t = args[0].Type;
        if (!t.IsList && !t.IsSet && !t.IsTuple)
        {
            return FunctionTypeResult.Fail("can only flatten lists, sets and tuples");
        }

        var marks = HclMarks.None;
        var (vals, known) = Flattener(args[0], ref marks);
        return known ? HclType.Tuple(vals.Select(v => v.Type)) : HclType.Dynamic;
    }

    private static FunctionResult Flatten(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (top, topMarks) = a[0].Unmark();
        if (top.LengthInt() == 0)
        {
            return HclValue.EmptyTuple.WithMarks(topMarks);
        }

        var marks = HclMarks.None;
        var (vals, known) = Flattener(a[0], ref marks);
        return known ? HclValue.Tuple(vals).WithMarks(marks) : HclValue.UnknownOf(returnType).WithMarks(marks);
    }

    /// <summary>cty's flattener: nested lists, sets and tuples are spliced in; unknown ones make the result unknown.</summary>
    private static (List<HclValue> Values, bool Known) Flattener(HclValue value, ref HclMarks marks)
    {
        var (list, m) = value.Unmark();
        marks = marks.Union(m);
        var outVals = new List<HclValue>();
        if (!list.Length().IsKnown)
        {
            return (outVals, false);
        }

        bool known = true;
        foreach (var v in list.Elements)
        {
            var t = v.Type;
            if (t.IsDynamic && !v.IsNull)
            {
                known = false;
            }

            if (t.IsList || t.IsSet || t.IsTuple)
            {
                if (!v.IsKnown)
                {
                    known = false;
                    marks = marks.Union(v.Marks);
                    continue;
                }

                var (nested, nestedKnown) = Flattener(v, ref marks);
                if (nestedKnown)
                {
                    outVals.AddRange(nested);
                }
                else
                {
                    known = false;
                }
            }
            else
            {
                outVals.Add(v);
            }
        }

        return (outVals, known);
    }

    private static FunctionTypeResult ReverseType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsTuple)
        {
            return HclType.Tuple(t.TupleElementTypes.Reverse());
        }

        if (t.IsList || t.IsSet)
        {
            return HclType.List(t.ElementType);
        }

        return ArgTypeFail(0, "list", $"can only reverse list or tuple values, not {t.FriendlyName}");
    }

    private static FunctionResult Reverse(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (list, marks) = a[0].Unmark();
        var vals = list.Elements.Reverse().ToList();
        return (returnType.IsTuple ? HclValue.Tuple(vals) : HclValue.ListOf(returnType.ElementType, vals)).WithMarks(marks);
    }

    private static FunctionTypeResult SliceType(IReadOnlyList<HclValue> args)
    {
        var t = args[0].Type;
        if (t.IsSet)
        {
            return ArgTypeFail(0, "list", "cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important");
        }

        if (!t.IsList && !t.IsTuple)
        {
            return ArgTypeFail(0, "list", "must be a list or tuple value");
        }

        var idx = SliceIndexes(args);
        if (idx.Error is { } e)
        {
            return FunctionTypeResult.Fail(e.Message, e.ArgumentIndex);
        }

        if (t.IsList)
        {
            return t;
        }

        if (!idx.Known)
        {
            return HclType.Dynamic;
        }

        return HclType.Tuple(t.TupleElementTypes.Skip(idx.Start).Take(idx.End - idx.Start));
    }

    private static FunctionResult Slice(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var (list, marks) = a[0].Unmark();
        if (returnType.IsDynamic)
        {
            return HclValue.DynamicVal.WithMarks(marks);
        }

        var idx = SliceIndexes(a);
        if (idx.Error is { } e)
        {
            return FunctionResult.Fail(e.Message, e.ArgumentIndex, e.Kind);
        }

        var vals = list.Elements.Skip(idx.Start).Take(idx.End - idx.Start).ToList();
        return (returnType.IsTuple ? HclValue.Tuple(vals) : HclValue.ListOf(returnType.ElementType, vals)).WithMarks(marks);
    }

    private static (int Start, int End, bool Known, FunctionError? Error) SliceIndexes(IReadOnlyList<HclValue> args)
    {
        var (list, _) = args[0].Unmark();
        int length = 0;
        bool lengthKnown = false;
        if (list.Type.IsTuple || list.Length().IsKnown)
        {
            length = list.LengthInt();
            lengthKnown = true;
        }

        static FunctionError Err(int i, string name, string msg) => new(ArgMessage(name, msg), i, FunctionErrorKind.InvalidArgument);

        long start = 0;
        long end = 0;
        bool startKnown = false;
        bool endKnown = false;
        if (args[1].IsKnown)
        {
            if (!TryWhole(args[1], out start))
            {
                return (0, 0, false, Err(1, "start_index", "invalid start index: " + WholeNumberMessage));
            }

            if (start < 0)
            {
                return (0, 0, false, Err(1, "start_index", "start index must not be less than zero"));
            }

            if (lengthKnown && start > length)
            {
                return (0, 0, false, Err(1, "start_index", "start index must not be greater than the length of the list"));
            }

            startKnown = true;
        }

        if (args[2].IsKnown)
        {
            if (!TryWhole(args[2], out end))
            {
                return (0, 0, false, Err(2, "end_index", "invalid end index: " + WholeNumberMessage));
            }

            if (end < 0)
            {
                return (0, 0, false, Err(2, "end_index", "end index must not be less than zero"));
            }

            if (lengthKnown && end > length)
            {
                return (0, 0, false, Err(2, "end_index", "end index must not be greater than the length of the list"));
            }

            endKnown = true;
        }

        if (startKnown && endKnown && start > end)
        {
            return (0, 0, false, Err(1, "start_index", "start index must not be greater than end index"));
        }

        return ((int)Math.Min(start, int.MaxValue), (int)Math.Min(end, int.MaxValue), startKnown && endKnown, null);
    }

    private static FunctionTypeResult MatchkeysType(IReadOnlyList<HclValue> args)
    {
        var t = HclConvert.UnifyUnsafe([args[1].Type, args[2].Type]);
        return t is null ? FunctionTypeResult.Fail("keys and searchset must be of the same type") : args[0].Type;
    }

    private static FunctionResult Matchkeys(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var ety = returnType.ElementType;
        if (a[0].LengthInt() != a[1].LengthInt())
        {
            return FunctionResult.Fail("length of keys and values should be equal");
        }

        var values = a[0];
        var ty = HclConvert.UnifyUnsafe([a[1].Type, a[2].Type])!;
        var keysConv = HclConvert.Convert(a[1], ty);
        var searchConv = HclConvert.Convert(a[2], ty);
        if (!keysConv.IsSuccess || !searchConv.IsSuccess)
        {
            return FunctionResult.Fail((keysConv.Error ?? searchConv.Error)!.ToString());
        }

        var keys = keysConv.Value!;
        var searchset = searchConv.Value!;
        if (searchset.LengthInt() == 0)
        {
            return HclValue.ListOf(ety);
        }

        if (!values.IsWhollyKnown || !keys.IsWhollyKnown)
        {
            return HclValue.UnknownOf(returnType);
        }

        var output = new List<HclValue>();
        var keyElems = keys.Elements;
        for (int i = 0; i < keyElems.Count; i++)
        {
            foreach (var search in searchset.Elements)
            {
                var eq = keyElems[i].Equal(search);
                if (!eq.IsKnown)
                {
                    return HclValue.ListOf(ety);
                }

                if (eq.IsTrue)
                {
                    output.Add(values.Elements[i]);
                    break;
                }
            }
        }

        return HclValue.ListOf(ety, output);
    }
}
