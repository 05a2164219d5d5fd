using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

internal sealed partial class Evaluator
{
    private HclValue EvalScopeTraversal(Traversal t, EvalContext? ctx)
    {
        var root = t.Root;
        if (ctx is null || !ctx.AnyVariables())
        {
            Error("Variables not allowed", "Variables may not be used here.", root.Range);
            return HclValue.DynamicVal;
        }

        if (!ctx.TryGetVariable(root.Name, out var val))
        {
            var suggestion = NameSuggestion.Find(root.Name, ctx.AllVariableNames());
            Error("Unknown variable",
                $"There is no variable named \"{root.Name}\".{(suggestion.Length > 0 ? $" Did you mean \"{suggestion}\"?" : "")}",
                root.Range);
            return HclValue.DynamicVal;
        }

        return ApplySteps(val, t.Steps);
    }

    private HclValue EvalRelativeTraversal(RelativeTraversalExpr r, EvalContext? ctx)
    {
        var src = Eval(r.Source, ctx);
        return ApplySteps(src, r.Steps);
    }

    private HclValue ApplySteps(HclValue val, IReadOnlyList<TraversalStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            bool ok;
            if (step is TraverseAttr a)
                val = GetAttr(val, a.Name, step.Range, out ok);
            else if (step is TraverseIndex ix)
                val = Index(val, IndexKey(ix), step.Range, out ok);
            else
                ok = true;
            if (!ok)
                return HclValue.DynamicVal;
        }

        return val;
    }

    internal static HclValue IndexKey(TraverseIndex ix) => ix.KeyKind switch
    {
        IndexKeyKind.Number => ParseNumberLiteral(ix.KeyText),
        IndexKeyKind.String => HclValue.String(ix.KeyText),
        IndexKeyKind.Bool => HclValue.Bool(ix.KeyText == "true"),
        IndexKeyKind.Null => HclValue.Null,
        _ => HclValue.DynamicVal,
    };

    private HclValue EvalIndex(IndexExpr e, EvalContext? ctx)
    {
        var coll = Eval(e.Collection, ctx);
        var key = Eval(e.Key, ctx);
        return Index(coll, key, e.BracketRange, out _);
    }

    /// <summary>HCL's <c>hcl.GetAttr</c>.</summary>
    internal HclValue GetAttr(HclValue obj, string name, SourceRange range, out bool ok)
    {
        ok = false;
        const string unsupported = "Unsupported attribute";
        if (obj.IsNull)
        {
            Error("Attempt to get attribute from null value", "This value is null, so it does not have any attributes.", range);
            return HclValue.DynamicVal;
        }

        var ty = obj.Type;
        switch (ty.Kind)
        {
            case HclTypeKind.Object:
                if (!ty.HasAttribute(name))
                {
                    Error(unsupported, $"This object does not have an attribute named \"{name}\".", range);
                    return HclValue.DynamicVal;
                }

                ok = true;
                return obj.GetAttribute(name);
            case HclTypeKind.Map:
                if (!obj.IsKnown)
                {
                    ok = true;
                    return HclValue.UnknownOf(ty.ElementType).WithMarks(obj.Marks);
                }

                if (!obj.TryGetAttribute(name, out var mv))
                {
                    Error("Missing map element", $"This map does not have an element with the key \"{name}\".", range);
                    return HclValue.DynamicVal;
                }

                ok = true;
                return mv.WithMarks(obj.Marks);
            case HclTypeKind.Dynamic:
                ok = true;
                return HclValue.DynamicVal.WithMarks(obj.Marks);
            case HclTypeKind.List when ty.ElementType.IsObject:
                Error(unsupported, ty.ElementType.HasAttribute(name)
                    ? $"Can't access attributes on a list of objects. Did you mean to access attribute \"{name}\" for a specific element of the list, or across all elements of the list?"
                    : "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?",
                    range);
                return HclValue.DynamicVal;
            case HclTypeKind.Set when ty.ElementType.IsObject:
                Error(unsupported, "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?", range);
                return HclValue.DynamicVal;
            default:
                Error(unsupported, ty.IsPrimitive
                    ? $"Can't access attributes on a primitive-typed value ({ty.FriendlyName})."
                    : "This value does not have any attributes.", range);
                return HclValue.DynamicVal;
        }
    }

    /// <summary>HCL's <c>hcl.Index</c>.</summary>
    internal HclValue Index(HclValue coll, HclValue key, SourceRange range, out bool ok)
    {
        ok = false;
        const string invalidIndex = "Invalid index";
        const string notIdentify = "The given key does not identify an element in this collection value";
        if (coll.IsNull)
        {
            Error("Attempt to index null value", "This value is null, so it does not have any indices.", range);
            return HclValue.DynamicVal;
        }

        if (key.IsNull)
        {
            Error(invalidIndex, "Can't use a null value as an indexing key.", range);
            return HclValue.DynamicVal;
        }

        var ty = coll.Type;
        if (key.Type.IsDynamic || ty.IsDynamic)
        {
            ok = true;
            return HclValue.DynamicVal.WithMarks(coll.Marks);
        }

        switch (ty.Kind)
        {
            case HclTypeKind.List:
            case HclTypeKind.Tuple:
            case HclTypeKind.Map:
            {
                var want = ty.IsMap ? HclType.String : HclType.Number;
                var conv = HclConvert.Convert(key, want);
                if (!conv.IsSuccess)
                {
                    Error(invalidIndex, $"{notIdentify}: {conv.Error}.", range);
                    return HclValue.DynamicVal;
                }

                var (k, keyMarks) = conv.Value!.Unmark();
                var marks = coll.Marks.Union(keyMarks);
                if (ty.IsMap)
                {
                    if (!coll.IsKnown || !k.IsKnown)
                    {
                        ok = true;
                        return HclValue.UnknownOf(ty.ElementType).WithMarks(marks);
                    }

                    if (!coll.TryGetAttribute(k.AsString(), out var mv))
                    {
                        Error(invalidIndex, notIdentify + ".", range);
                        return HclValue.DynamicVal;
                    }

                    ok = true;
                    return mv.WithMarks(marks);
                }

                if (!k.IsKnown || (!coll.IsKnown && !ty.IsTuple))
                {
                    ok = true;
                    return (ty.IsTuple ? HclValue.DynamicVal : HclValue.UnknownOf(ty.ElementType)).WithMarks(marks);
                }

                var n = k.AsNumber();
                var length = ty.IsTuple ? ty.TupleElementTypes.Count : coll.LengthInt();
                if (!n.IsInteger || n.Sign < 0 || n.CompareTo(HclNumber.FromLong(length)) >= 0)
                {
                    if (!n.IsInteger && !n.IsInfinity)
                    {
                        Error(invalidIndex, $"{notIdentify}: indexing a sequence requires a whole number, but the given index has a fractional part.", range);
                        return HclValue.DynamicVal;
                    }

                    if (n.Sign < 0)
                    {
                        Error(invalidIndex, $"{notIdentify}: a negative number is not a valid index for a sequence.", range);
                        return HclValue.DynamicVal;
                    }

                    // HCL only describes the length when it is not marked.
                    if (coll.Marks.IsEmpty)
                    {
                        Error(invalidIndex, length == 0
                            ? $"{notIdentify}: the collection has no elements."
                            : $"{notIdentify}: the given index is greater than or equal to the length of the collection.", range);
                        return HclValue.DynamicVal;
                    }

                    Error(invalidIndex, notIdentify + ".", range);
                    return HclValue.DynamicVal;
                }

                n.TryToInt(out var idx);
                ok = true;
                if (!coll.IsKnown)
                    return HclValue.UnknownOf(ty.TupleElementTypes[idx]).WithMarks(marks);
                return coll.Elements[idx].WithMarks(marks);
            }

            case HclTypeKind.Object:
            {
                var wasNumber = key.Type.IsNumber;
                var conv = HclConvert.Convert(key, HclType.String);
                if (!conv.IsSuccess)
                {
                    Error(invalidIndex, $"{notIdentify}: {conv.Error}.", range);
                    return HclValue.DynamicVal;
                }

                if (!conv.Value!.IsKnown)
                {
                    ok = true;
                    return HclValue.DynamicVal.WithMarks(coll.Marks);
                }

                var (k, keyMarks) = conv.Value.Unmark();
                var name = k.AsString();
                if (!ty.HasAttribute(name))
                {
                    Error(invalidIndex, notIdentify + "." + (wasNumber ? " An object only supports looking up attributes by name, not by numeric index." : ""), range);
                    return HclValue.DynamicVal;
                }

                ok = true;
                return coll.GetAttribute(name).WithMarks(keyMarks);
            }

            case HclTypeKind.Set:
                Error(invalidIndex,
                    "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
                    range);
                return HclValue.DynamicVal;
            default:
                Error(invalidIndex, "This value does not have any indices.", range);
                return HclValue.DynamicVal;
        }
    }
}
