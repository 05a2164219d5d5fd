using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

internal sealed partial class Evaluator
{
    // ------------------------------------------------------------------ binary operators

    /// <summary>Evaluates a left-nested chain of binary operators iteratively (long chains make deep trees).</summary>
    private HclValue EvalBinaryChain(BinaryOpExpr top, EvalContext? ctx)
    {
        var start = _diags.Count;
        if (top.Left is not BinaryOpExpr)
        {
            var l = Eval(top.Left, ctx);
            return EvalBinary(top, l, HasErrorsSince(start), ctx);
        }

        var spine = new List<BinaryOpExpr>();
        Expression e = top;
        while (e is BinaryOpExpr b)
        {
            spine.Add(b);
            e = b.Left;
        }

        var acc = Eval(e, ctx);
        var errors = HasErrorsSince(start);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            var stepStart = _diags.Count;
            acc = EvalBinary(spine[i], acc, errors, ctx);
            errors |= HasErrorsSince(stepStart);
        }

        return acc;
    }

    private static HclType OperandType(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr or BinaryOperator.LogicalAnd => HclType.Bool,
        BinaryOperator.Equal or BinaryOperator.NotEqual => HclType.Dynamic,
        _ => HclType.Number,
    };

    private static HclType ResultType(BinaryOperator op) => op switch
    {
        BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => HclType.Number,
        _ => HclType.Bool,
    };

    private HclValue EvalBinary(BinaryOpExpr e, HclValue lhs, bool lhsErrors, EvalContext? ctx)
    {
        var start = _diags.Count;
        var rhs = Eval(e.Right, ctx);
        var op = e.Operator;
        var want = OperandType(op);
        if (!want.IsDynamic)
        {
            var lc = HclConvert.Convert(lhs, want);
            if (!lc.IsSuccess)
                Error("Invalid operand", $"Unsuitable value for left operand: {lc.Error}.", e.Left.Range, e.Range);
            else
                lhs = lc.Value!;
            var rc = HclConvert.Convert(rhs, want);
            if (!rc.IsSuccess)
                Error("Invalid operand", $"Unsuitable value for right operand: {rc.Error}.", e.Right.Range, e.Range);
            else
                rhs = rc.Value!;
        }

        // The left operand's diagnostics were reported before this call; HCL returns an unknown result when
        // either side had errors.
        if (lhsErrors || HasErrorsSince(start))
            return HclValue.UnknownOf(ResultType(op));

        HclResult r;
        switch (op)
        {
            case BinaryOperator.Equal:
                return lhs.Equal(rhs);
            case BinaryOperator.NotEqual:
                return lhs.NotEqual(rhs);
            case BinaryOperator.LogicalOr:
                r = lhs.Or(rhs);
                break;
            case BinaryOperator.LogicalAnd:
                r = lhs.And(rhs);
                break;
            case BinaryOperator.GreaterThan:
                r = lhs.GreaterThan(rhs);
                break;
            case BinaryOperator.GreaterThanOrEqual:
                r = lhs.GreaterThanOrEqualTo(rhs);
                break;
            case BinaryOperator.LessThan:
                r = lhs.LessThan(rhs);
                break;
            case BinaryOperator.LessThanOrEqual:
                r = lhs.LessThanOrEqualTo(rhs);
                break;
            case BinaryOperator.Add:
                r = lhs.Add(rhs);
                break;
            case BinaryOperator.Subtract:
                r = lhs.Subtract(rhs);
                break;
            case BinaryOperator.Multiply:
                r = lhs.Multiply(rhs);
                break;
            case BinaryOperator.Divide:
                r = lhs.Divide(rhs);
                break;
            default:
                r = lhs.Modulo(rhs);
                break;
        }

        if (!r.IsSuccess)
        {
            Error("Operation failed", $"Error during operation: {r.Error}.", e.Range);
            return HclValue.UnknownOf(ResultType(op));
        }

        return r.Value!;
    }

    private HclValue EvalUnary(UnaryOpExpr e, EvalContext? ctx)
    {
        var start = _diags.Count;
        var v = Eval(e.Operand, ctx);
        var want = e.Operator == UnaryOperator.Negate ? HclType.Number : HclType.Bool;
        var c = HclConvert.Convert(v, want);
        if (!c.IsSuccess)
            Error("Invalid operand", $"Unsuitable value for unary operand: {c.Error}.", e.Operand.Range, e.Range);
        if (HasErrorsSince(start))
            return HclValue.UnknownOf(want);
        var r = e.Operator == UnaryOperator.Negate ? c.Value!.Negate() : c.Value!.Not();
        if (!r.IsSuccess)
        {
            Error("Operation failed", $"Error during operation: {r.Error}.", e.Range);
            return HclValue.UnknownOf(want);
        }

        return r.Value!;
    }

    // ------------------------------------------------------------------ conditional

    private HclValue EvalConditional(Expression condExpr, Expression trueExpr, Expression falseExpr, SourceRange range, EvalContext? ctx)
    {
        var start = _diags.Count;
        var trueResult = Eval(trueExpr, ctx);
        var trueDiags = CutSince(start);
        var falseResult = Eval(falseExpr, ctx);
        var falseDiags = CutSince(start);

        HclType? resultType;
        HclConversion? convTrue = null;
        HclConversion? convFalse = null;
        if (IsBareNull(trueResult))
        {
            resultType = falseResult.Type;
            convTrue = HclConvert.GetConversionUnsafe(HclType.Dynamic, resultType);
        }
        else if (IsBareNull(falseResult))
        {
            resultType = trueResult.Type;
            convFalse = HclConvert.GetConversionUnsafe(HclType.Dynamic, resultType);
        }
        else if (trueResult.Type.IsDynamic || falseResult.Type.IsDynamic)
        {
            resultType = HclType.Dynamic;
        }
        else if (trueResult.Type.Equals(falseResult.Type))
        {
            resultType = trueResult.Type;
        }
        else
        {
            resultType = HclConvert.UnifyUnsafe([trueResult.Type, falseResult.Type]);
            if (resultType is not null)
            {
                if (!trueResult.Type.Equals(resultType))
                    convTrue = HclConvert.GetConversionUnsafe(trueResult.Type, resultType);
                if (!falseResult.Type.Equals(resultType))
                    convFalse = HclConvert.GetConversionUnsafe(falseResult.Type, resultType);
            }
        }

        if (resultType is null)
        {
            Error("Inconsistent conditional result types",
                $"The true and false result expressions must have consistent types. {DescribeConditionalTypeMismatch(trueResult.Type, falseResult.Type)}.",
                SourceRange.Between(trueExpr.Range, falseExpr.Range), range);
            return HclValue.DynamicVal;
        }

        var cond = Eval(condExpr, ctx);
        if (cond.IsNull)
        {
            Error("Null condition", "The condition value is null. Conditions must either be true or false.", condExpr.Range, range);
            return HclValue.UnknownOf(resultType);
        }

        var condMarks = cond.Marks;
        if (!cond.IsKnown)
        {
            if (trueResult.IsNull && falseResult.IsNull)
                return HclValue.NullOf(resultType).WithMarks(condMarks);
            return HclValue.UnknownOf(resultType).WithMarks(condMarks);
        }

        var cc = HclConvert.Convert(cond, HclType.Bool);
        if (!cc.IsSuccess)
        {
            Error("Incorrect condition type", "The condition expression must be of type bool.", condExpr.Range, range);
            return HclValue.UnknownOf(resultType);
        }

        var (cu, _) = cc.Value!.UnmarkDeep();
        if (!cu.IsKnown)
            return HclValue.UnknownOf(resultType).WithMarks(condMarks);
        if (cu.AsBool())
        {
            _diags.AddRange(trueDiags);
            return Finish(trueResult, convTrue, "true", trueExpr);
        }

        _diags.AddRange(falseDiags);
        return Finish(falseResult, convFalse, "false", falseExpr);

        HclValue Finish(HclValue v, HclConversion? conv, string which, Expression armExpr)
        {
            if (conv is not null)
            {
                var r = conv(v);
                if (!r.IsSuccess)
                {
                    Error("Inconsistent conditional result types", $"The {which} result value has the wrong type: {r.Error}.", armExpr.Range, range);
                    return HclValue.UnknownOf(resultType);
                }

                v = r.Value!;
            }

            return v.WithMarks(condMarks);
        }
    }

    private static bool IsBareNull(HclValue v) => v.IsNull && v.Type.IsDynamic && v.Marks.IsEmpty;

    internal static string DescribeConditionalTypeMismatch(HclType t, HclType f)
    {
        if (t.IsObject && f.IsObject)
        {
            foreach (var name in t.AttributeTypes.Keys)
            {
                if (!f.HasAttribute(name))
                    return $"The 'true' value includes object attribute \"{name}\", which is absent in the 'false' value";
                var ta = t.AttributeType(name);
                var fa = f.AttributeType(name);
                if (!ta.Equals(fa))
                    return $"Type mismatch for object attribute \"{name}\": {DescribeConditionalTypeMismatch(ta, fa)}";
            }

            foreach (var name in f.AttributeTypes.Keys)
            {
                if (!t.HasAttribute(name))
                    return $"The 'false' value includes object attribute \"{name}\", which is absent in the 'true' value";
            }
        }
        else if (t.IsTuple && f.IsTuple)
        {
            var te = t.TupleElementTypes;
            var fe = f.TupleElementTypes;
            if (te.Count != fe.Count)
                return $"The 'true' tuple has length {te.Count}, but the 'false' tuple has length {fe.Count}";
            for (var i = 0; i < te.Count; i++)
            {
                if (!te[i].Equals(fe[i]))
                    return $"Mismatched tuple element type at index {i}: {DescribeConditionalTypeMismatch(te[i], fe[i])}";
            }
        }
        else if (t.IsCollection && f.IsCollection && t.Kind == f.Kind
                 && (t.ElementType.IsObject || t.ElementType.IsTuple) && t.ElementType.Kind == f.ElementType.Kind)
        {
            var kind = t.IsList ? "list" : t.IsSet ? "set" : "map";
            return $"Mismatched {kind} element types: {DescribeConditionalTypeMismatch(t.ElementType, f.ElementType)}";
        }

        return $"The 'true' value is {t.FriendlyName}, but the 'false' value is {f.FriendlyName}";
    }
}
