using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

internal sealed partial class Evaluator
{
    internal static bool CanIterate(HclType t) =>
        t.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map or HclTypeKind.Tuple or HclTypeKind.Object;

    /// <summary>cty's <c>ElementIterator</c>: index keys for sequences, names for maps and objects, the element itself for sets.</summary>
    internal static (HclValue Key, HclValue Value)[] Iterate(HclValue known)
    {
        switch (known.Type.Kind)
        {
            case HclTypeKind.List:
            case HclTypeKind.Tuple:
            case HclTypeKind.Set:
            {
                var elems = known.Elements;
                var r = new (HclValue, HclValue)[elems.Count];
                var isSet = known.Type.IsSet;
                for (var i = 0; i < r.Length; i++)
                    r[i] = (isSet ? elems[i] : HclValue.Number(i), elems[i]);
                return r;
            }

            default:
            {
                var attrs = known.Attributes;
                var r = new (HclValue, HclValue)[attrs.Count];
                var i = 0;
                foreach (var kv in attrs)
                    r[i++] = (HclValue.String(kv.Key), kv.Value);
                return r;
            }
        }
    }

    // ------------------------------------------------------------------ for expressions

    private HclValue EvalFor(ForExpr e, EvalContext? ctx)
    {
        var range = e.Range;
        var marks = HclMarks.None;
        var coll = Eval(e.Collection, ctx);
        if (coll.IsNull)
        {
            Error("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", e.Collection.Range, range);
            return HclValue.DynamicVal;
        }

        if (coll.Type.IsDynamic)
            return HclValue.DynamicVal;
        if (!CanIterate(coll.Type))
        {
            Error("Iteration over non-iterable value",
                $"A value of type {coll.Type.FriendlyName} cannot be used as the collection in a 'for' expression.", e.Collection.Range, range);
            return HclValue.DynamicVal;
        }

        var condMarks = HclMarks.None;
        if (e.Condition is not null)
        {
            // Early type check of the condition with unknown symbols, as HCL does, to avoid a barrage of errors.
            var child = EvalContext.WithLocals(ctx, e.KeyVar, HclValue.DynamicVal, e.ValueVar, HclValue.DynamicVal);
            var start = _diags.Count;
            var result = Eval(e.Condition, child);
            if (result.IsNull)
            {
                Error("Condition is null", "The value of the 'if' clause must not be null.", e.Condition.Range, range);
                return HclValue.DynamicVal;
            }

            var c = HclConvert.Convert(result, HclType.Bool);
            if (!c.IsSuccess)
            {
                Error("Invalid 'for' condition", $"The 'if' clause value is invalid: {c.Error}.", e.Condition.Range, range);
                return HclValue.DynamicVal;
            }

            if (HasErrorsSince(start))
                return HclValue.DynamicVal;
            condMarks = result.Marks;
        }

        if (!coll.IsKnown)
            return HclValue.DynamicVal.WithMarks(coll.Marks.Union(condMarks));

        var (cu, collMarks) = coll.Unmark();
        marks = marks.Union(collMarks);
        var elements = Iterate(cu);
        var n = elements.Length;
        var known = true;

        if (e.IsObject)
        {
            var keyExpr = e.KeyExpr!;
            Dictionary<string, HclValue>? vals = e.Group ? null : new(StringComparer.Ordinal);
            Dictionary<string, List<HclValue>>? groups = e.Group ? new(StringComparer.Ordinal) : null;
            for (var i = 0; i < n; i++)
            {
                var (k, v) = elements[i];
                var child = EvalContext.WithLocals(ctx, e.KeyVar, k, e.ValueVar, v);
                if (e.Condition is not null && !Include(e, child, tupleMode: false, ref known, ref marks))
                    continue;

                var keyRaw = Eval(keyExpr, child);
                if (keyRaw.IsNull)
                {
                    if (known)
                        Error("Invalid object key", "Key expression in 'for' expression must not produce a null value.", keyExpr.Range, range);
                    known = false;
                    continue;
                }

                marks = marks.Union(keyRaw.Marks);
                if (!keyRaw.IsKnown)
                {
                    known = false;
                    continue;
                }

                var kc = HclConvert.Convert(keyRaw, HclType.String);
                if (!kc.IsSuccess)
                {
                    if (known)
                        Error("Invalid object key", $"The key expression produced an invalid result: {kc.Error}.", keyExpr.Range, range);
                    known = false;
                    continue;
                }

                var (ku, km) = kc.Value!.Unmark();
                marks = marks.Union(km);
                var val = Eval(e.ValueExpr, child);
                var key = ku.AsString();
                if (groups is not null)
                {
                    if (!groups.TryGetValue(key, out var list))
                        groups[key] = list = [];
                    list.Add(val);
                }
                else if (!vals!.TryAdd(key, val))
                {
                    Error("Duplicate object key",
                        $"Two different items produced the key \"{key}\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                        keyExpr.Range, range);
                }
            }

            if (!known)
                return HclValue.DynamicVal.WithMarks(marks);
            if (groups is not null)
            {
                vals = new Dictionary<string, HclValue>(groups.Count, StringComparer.Ordinal);
                foreach (var (k, list) in groups)
                    vals[k] = HclValue.Tuple(list);
            }

            return HclValue.Object(vals!).WithMarks(marks);
        }

        var items = new List<HclValue>(n);
        for (var i = 0; i < n; i++)
        {
            var (k, v) = elements[i];
            var child = EvalContext.WithLocals(ctx, e.KeyVar, k, e.ValueVar, v);
            if (e.Condition is not null && !Include(e, child, tupleMode: true, ref known, ref marks))
                continue;
            items.Add(Eval(e.ValueExpr, child));
        }

        if (!known)
            return HclValue.DynamicVal.WithMarks(marks);
        return HclValue.Tuple(items).WithMarks(marks);
    }

    /// <summary>Evaluates the 'if' clause for one element; false to skip it.</summary>
    private bool Include(ForExpr e, EvalContext child, bool tupleMode, ref bool known, ref HclMarks marks)
    {
        var cond = e.Condition!;
        var raw = Eval(cond, child);
        if (raw.IsNull)
        {
            if (known)
                Error("Invalid 'for' condition", "The value of the 'if' clause must not be null.", cond.Range, e.Range);
            known = false;
            return false;
        }

        marks = marks.Union(raw.Marks);
        if (tupleMode && !raw.IsKnown)
        {
            known = false;
            return false;
        }

        var c = HclConvert.Convert(raw, HclType.Bool);
        if (!c.IsSuccess)
        {
            if (known)
                Error("Invalid 'for' condition", $"The 'if' clause value is invalid: {c.Error}.", cond.Range, e.Range);
            known = false;
            return false;
        }

        var (u, m) = c.Value!.Unmark();
        marks = marks.Union(m);
        if (!u.IsKnown)
        {
            known = false;
            return false;
        }

        return u.AsBool();
    }

    // ------------------------------------------------------------------ splat

    private HclValue EvalSplat(SplatExpr e, EvalContext? ctx)
    {
        var start = _diags.Count;
        var source = Eval(e.Source, ctx);
        if (HasErrorsSince(start))
            return HclValue.DynamicVal;

        var ty = source.Type;
        var autoUpgrade = !(ty.IsTuple || ty.IsList || ty.IsSet);
        if (source.IsNull)
        {
            if (autoUpgrade)
                return HclValue.EmptyTuple.WithMarks(source.Marks);
            Error("Splat of null value", "Splat expressions (with the * symbol) cannot be applied to null sequences.",
                e.Source.Range, SourceRange.Between(e.Source.Range, e.MarkerRange));
            return HclValue.DynamicVal;
        }

        if (ty.IsDynamic)
            return HclValue.DynamicVal.WithMarks(source.Marks);
        var upgradedUnknown = autoUpgrade && !source.IsKnown;
        if (autoUpgrade)
        {
            var (su, sm) = source.Unmark();
            source = HclValue.Tuple(su).WithMarks(sm);
            ty = source.Type;
        }

        if (!source.IsKnown)
        {
            var rt = SplatResultType(e, ty, ctx, reportDiagnostics: true);
            return HclValue.UnknownOf(rt).WithMarks(source.Marks);
        }

        var (cu, marks) = source.Unmark();
        var elems = cu.Elements;
        var vals = new HclValue[elems.Count];
        var isKnown = true;
        _splatItems ??= [];
        var slot = _splatItems.Count;
        _splatItems.Add((e.Item, HclValue.DynamicVal));
        try
        {
            for (var i = 0; i < vals.Length; i++)
            {
                _splatItems[slot] = (e.Item, elems[i]);
                var itemStart = _diags.Count;
                vals[i] = Eval(e.Each, ctx);
                if (HasErrorsSince(itemStart))
                    isKnown = false;
            }
        }
        finally
        {
            _splatItems.RemoveAt(slot);
        }

        if (upgradedUnknown)
            return HclValue.DynamicVal.WithMarks(marks);
        if (!isKnown)
            return HclValue.UnknownOf(SplatResultType(e, ty, ctx, reportDiagnostics: false)).WithMarks(marks);

        if (ty.IsList || ty.IsSet)
        {
            if (vals.Length == 0)
            {
                var rt = SplatResultType(e, ty, ctx, reportDiagnostics: true);
                return HclValue.ListOf(rt.ElementType).WithMarks(marks);
            }

            if (!SameTypes(vals))
            {
                Error("Invalid nested splat expressions",
                    "The second level of splat expression produced elements of different types, so it isn't possible to construct a valid list to represent the top-level result.\n\nConsider using a for expression instead, to produce a tuple-typed result which can therefore have non-homogenous element types.",
                    e.Each.Range, e.Range);
                return HclValue.DynamicVal;
            }

            return HclValue.List(vals).WithMarks(marks);
        }

        return HclValue.Tuple(vals).WithMarks(marks);
    }

    /// <summary>cty's <c>CanListVal</c>: all element types equal (the dynamic pseudo-type mixes with any).</summary>
    private static bool SameTypes(HclValue[] vals)
    {
        HclType? first = null;
        foreach (var v in vals)
        {
            if (v.Type.IsDynamic)
                continue;
            if (first is null)
                first = v.Type;
            else if (!first.Equals(v.Type))
                return false;
        }

        return true;
    }

    private HclType SplatResultType(SplatExpr e, HclType sourceType, EvalContext? ctx, bool reportDiagnostics)
    {
        var start = _diags.Count;
        _splatItems ??= [];
        var slot = _splatItems.Count;
        _splatItems.Add((e.Item, HclValue.DynamicVal));
        try
        {
            if (sourceType.IsList || sourceType.IsSet)
            {
                _splatItems[slot] = (e.Item, HclValue.UnknownOf(sourceType.ElementType));
                var v = Eval(e.Each, ctx);
                return HclType.List(v.Type);
            }

            if (sourceType.IsTuple)
            {
                var etys = sourceType.TupleElementTypes;
                var result = new HclType[etys.Count];
                for (var i = 0; i < etys.Count; i++)
                {
                    _splatItems[slot] = (e.Item, HclValue.UnknownOf(etys[i]));
                    result[i] = Eval(e.Each, ctx).Type;
                }

                return HclType.Tuple(result);
            }

            return HclType.Dynamic;
        }
        finally
        {
            _splatItems.RemoveAt(slot);
            if (!reportDiagnostics)
                Truncate(start);
        }
    }
}
