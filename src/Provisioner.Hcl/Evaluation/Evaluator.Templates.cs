using System.Text;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

internal sealed partial class Evaluator
{
    private HclValue EvalTemplate(TemplateExpr t, EvalContext? ctx)
    {
        var parts = t.Parts;
        if (parts.Count == 1 && parts[0] is LiteralValueExpr { Kind: LiteralValueKind.String } only)
            return EvalLiteral(only);

        var start = _diags.Count;
        var buf = new StringBuilder();
        var known = true;
        var marks = HclMarks.None;
        foreach (var part in parts)
        {
            if (part is LiteralValueExpr { Kind: LiteralValueKind.String } lit)
            {
                if (known && !HasErrorsSince(start))
                    buf.Append(lit.Text);
                continue;
            }

            var v = Eval(part, ctx);
            if (v.IsNull)
            {
                Error("Invalid template interpolation value",
                    "The expression result is null. Cannot include a null value in a string template.", part.Range, t.Range);
                continue;
            }

            var (u, m) = v.Unmark();
            marks = marks.Union(m);
            if (!u.IsKnown)
            {
                known = false;
                continue;
            }

            var s = HclConvert.Convert(u, HclType.String);
            if (!s.IsSuccess)
            {
                Error("Invalid template interpolation value",
                    $"Cannot include the given value in a string template: {s.Error}.", part.Range, t.Range);
                continue;
            }

            if (known && !HasErrorsSince(start))
            {
                var (su, sm) = s.Value!.Unmark();
                marks = marks.Union(sm);
                if (su.IsKnown)
                    buf.Append(su.AsString());
                else
                    known = false;
            }
        }

        var ret = known ? HclValue.String(buf.ToString()) : HclValue.UnknownOf(HclType.String);
        return ret.WithMarks(marks);
    }

    private HclValue EvalTemplateFor(TemplateForExpr tf, EvalContext? ctx)
    {
        var range = tf.Range;
        var coll = Eval(tf.Collection, ctx);
        if (coll.IsNull)
        {
            Error("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", tf.Collection.Range, range);
            return HclValue.UnknownOf(HclType.String);
        }

        if (coll.Type.IsDynamic)
            return HclValue.UnknownOf(HclType.String);
        if (!CanIterate(coll.Type))
        {
            Error("Iteration over non-iterable value",
                $"A value of type {coll.Type.FriendlyName} cannot be used as the collection in a 'for' expression.", tf.Collection.Range, range);
            return HclValue.UnknownOf(HclType.String);
        }

        if (!coll.IsKnown)
            return HclValue.UnknownOf(HclType.String).WithMarks(coll.Marks);

        // As HCL: a tuple-producing for expression over the body, then a join of the results.
        var (cu, marks) = coll.Unmark();
        var elements = Iterate(cu);
        var vals = new HclValue[elements.Length];
        for (var i = 0; i < vals.Length; i++)
        {
            var (k, v) = elements[i];
            vals[i] = Eval(tf.Body, EvalContext.WithLocals(ctx, tf.KeyVar, k, tf.ValueVar, v));
        }

        var buf = new StringBuilder();
        foreach (var val in vals)
        {
            if (val.IsNull)
            {
                Error("Invalid template interpolation value",
                    "An iteration result is null. Cannot include a null value in a string template.", range);
                continue;
            }

            if (val.Type.IsDynamic)
                return HclValue.UnknownOf(HclType.String).WithMarks(marks);
            var s = HclConvert.Convert(val, HclType.String);
            if (!s.IsSuccess)
            {
                Error("Invalid template interpolation value",
                    $"Cannot include one of the interpolation results into the string template: {s.Error}.", range);
                continue;
            }

            if (!val.IsKnown)
                return HclValue.UnknownOf(HclType.String).WithMarks(marks);
            var (su, sm) = s.Value!.Unmark();
            marks = marks.Union(sm);
            buf.Append(su.AsString());
        }

        return HclValue.String(buf.ToString()).WithMarks(marks);
    }
}
