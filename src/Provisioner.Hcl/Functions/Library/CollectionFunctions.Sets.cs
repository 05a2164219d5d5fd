using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

internal static partial class CollectionFunctions
{
    private static IEnumerable<HclFunction> CreateSetFunctions()
    {
        var anySet = HclType.Set(HclType.Dynamic);
        FunctionParameter SetParam(string name) => Param(name, anySet) with { AllowDynamicType = true };

        yield return new HclFunction("setunion", [SetParam("first_set")], SetParam("other_sets"), SetOperationType,
            (a, rt) => SetOperation(a, rt, SetOp.Union, allowUnknowns: true),
            "Takes multiple sets and produces a single set containing the elements from all of the given sets.");

        yield return new HclFunction("setintersection", [SetParam("first_set")], SetParam("other_sets"), SetOperationType,
            (a, rt) => SetOperation(a, rt, SetOp.Intersection, allowUnknowns: false),
            "Takes multiple sets and produces a single set containing only the elements that all of the given sets have in common.");

        yield return new HclFunction("setsubtract", [SetParam("a"), SetParam("b")], null, SetOperationType,
            (a, rt) => SetOperation(a, rt, SetOp.Subtract, allowUnknowns: false),
            "Returns a new set containing the elements from the first set that are not present in the second set.");

        yield return new HclFunction("setproduct", [], Param("sets", HclType.Dynamic) with { AllowMarked = true }, SetProductType, SetProduct,
            "Finds all of the possible combinations of elements from all of the given sets by computing the Cartesian product.");
    }

    private enum SetOp
    {
        Union,
        Intersection,
        Subtract,
    }

    private static FunctionTypeResult SetOperationType(IReadOnlyList<HclValue> args)
    {
        var etys = new List<HclType>();
        foreach (var arg in args)
        {
            var ty = arg.Type.IsSet ? arg.Type.ElementType : HclType.Dynamic;

            // Empty sets of unknown element type convert to anything, so they do not take part in unification.
            if (arg.IsKnown && ty.IsDynamic && arg.LengthInt() == 0)
            {
                continue;
            }

            etys.Add(ty);
        }

        if (etys.Count == 0)
        {
            return HclType.Set(HclType.Dynamic);
        }

        var ety = HclConvert.UnifyUnsafe(etys);
        return ety is null ? FunctionTypeResult.Fail("given sets must all have compatible element types") : HclType.Set(ety);
    }

    private static FunctionResult SetOperation(IReadOnlyList<HclValue> a, HclType returnType, SetOp op, bool allowUnknowns)
    {
        var sets = new List<HclValue>(a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            var conv = HclConvert.Convert(a[i], returnType);
            if (!conv.IsSuccess)
            {
                return ArgFail(i, i == 0 ? (op == SetOp.Subtract ? "a" : "first_set") : (op == SetOp.Subtract ? "b" : "other_sets"), conv.Error!.ToString());
            }

            if (!allowUnknowns && !conv.Value!.IsWhollyKnown)
            {
                return HclValue.UnknownOf(returnType);
            }

            sets.Add(conv.Value!);
        }

        var ety = returnType.ElementType;
        IEnumerable<HclValue> result = sets[0].Elements;
        foreach (var s in sets.Skip(1))
        {
            var other = s.Elements;
            result = op switch
            {
                SetOp.Union => result.Concat(other).ToList(),
                SetOp.Intersection => result.Where(e => other.Contains(e)).ToList(),
                _ => result.Where(e => !other.Contains(e)).ToList(),
            };
        }

        return HclValue.SetOf(ety, result);
    }

    private static FunctionTypeResult SetProductType(IReadOnlyList<HclValue> args)
    {
        if (args.Count < 2)
        {
            return FunctionTypeResult.Fail("at least two arguments are required");
        }

        int listCount = 0;
        var etys = new HclType[args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            var t = args[i].Type;
            if (t.IsSet)
            {
                etys[i] = t.ElementType;
            }
            else if (t.IsList)
            {
                etys[i] = t.ElementType;
                listCount++;
            }
            else if (t.IsTuple)
            {
                listCount++;
                if (t.TupleElementTypes.Count == 0)
                {
                    etys[i] = HclType.Dynamic;
                    continue;
                }

                var u = HclConvert.UnifyUnsafe(t.TupleElementTypes);
                if (u is null)
                {
                    return ArgTypeFail(i, "sets", "all elements must be of the same type");
                }

                etys[i] = u;
            }
            else
            {
                return ArgTypeFail(i, "sets", "a set or a list is required");
            }
        }

        var tuple = HclType.Tuple(etys);
        return listCount == args.Count ? HclType.List(tuple) : HclType.Set(tuple);
    }

    private static FunctionResult SetProduct(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var ety = returnType.ElementType;
        var marks = HclMarks.None;
        var argVals = new List<IReadOnlyList<HclValue>>(a.Count);
        long total = 1;
        foreach (var raw in a)
        {
            var (arg, m) = raw.Unmark();
            marks = marks.Union(m);
            if (!arg.Length().IsKnown)
            {
                return HclValue.UnknownOf(returnType).WithMarks(marks);
            }

            total *= arg.LengthInt();
            if (total > 1_000_000)
            {
                return FunctionResult.Fail("the result would have more than 1000000 elements");
            }

            argVals.Add(arg.Elements);
        }

        var subEtys = ety.TupleElementTypes;
        var product = new List<HclValue>((int)total);
        if (total > 0)
        {
            var n = new int[a.Count];
            for (long p = 0; p < total; p++)
            {
                var tuple = new HclValue[a.Count];
                for (int j = 0; j < n.Length; j++)
                {
                    var val = argVals[j][n[j]];
                    if (!val.Type.Equals(subEtys[j]))
                    {
                        var conv = HclConvert.Convert(val, subEtys[j]);
                        if (!conv.IsSuccess)
                        {
                            return FunctionResult.Fail(conv.Error!.ToString());
                        }

                        val = conv.Value!;
                    }

                    tuple[j] = val;
                }

                product.Add(HclValue.Tuple(tuple));
                for (int j = n.Length - 1; j >= 0; j--)
                {
                    n[j]++;
                    if (n[j] < argVals[j].Count)
                    {
                        break;
                    }

                    n[j] = 0;
                }
            }
        }

        var result = returnType.IsList ? HclValue.ListOf(ety, product) : HclValue.SetOf(ety, product);
        return result.WithMarks(marks);
    }
}
