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
            return EvalBinary(top, l, CutSince(start), ctx);
        }

        var spine = new List<BinaryOpExpr>();
        Expression e = top;
        while (e is BinaryOpExpr b)
        {
            spine.Add(b);
            e = b.Left;
        }

        var acc = Eval(e, ctx);
        for (var i = spine.Count - 1; i >= 0; i--)
            acc = EvalBinary(spine[i], acc, CutSince(start), ctx);
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

    /// <summary>
    /// hclsyntax's <c>BinaryOpExpr.Value</c>: conversion errors first, then the operands' own diagnostics; the
    /// logical operators short-circuit (a decisive known operand drops the other side's diagnostics).
    /// </summary>
    private HclValue EvalBinary(BinaryOpExpr e, HclValue lhs, List<Diagnostic> lhsDiags, EvalContext? ctx)
    {
        var rhsStart = _diags.Count;
        var rhs = Eval(e.Right, ctx);
        var rhsDiags = CutSince(rhsStart);
        var op = e.Operator;
        var want = OperandType(op);
        var convErrors = false;
        if (!want.IsDynamic)
        {
            var lc = HclConvert.Convert(lhs, want);
            if (!lc.IsSuccess)
            {
                Error("Invalid operand", $"Unsuitable value for left operand: {lc.Error}.", e.Left.Range, e.Range);
                convErrors = true;
            }
            else
            {
                lhs = lc.Value!;
            }

            var rc = HclConvert.Convert(rhs, want);
            if (!rc.IsSuccess)
            {
                Error("Invalid operand", $"Unsuitable value for right operand: {rc.Error}.", e.Right.Range, e.Range);
                convErrors = true;
            }
            else
            {
                rhs = rc.Value!;
            }
        }

        if (convErrors)
        {
            _diags.AddRange(lhsDiags);
            _diags.AddRange(rhsDiags);
            return HclValue.UnknownOf(ResultType(op));
        }

        var (lu, lm) = lhs.Unmark();
        var (ru, rm) = rhs.Unmark();
        var marks = lm.Union(rm);
        if (op is BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr)
        {
            var decisive = op == BinaryOperator.LogicalOr;
            HclValue? forced = null;
            List<Diagnostic>? keep = null;
            if (!lu.IsKnown && !ru.IsKnown)
            {
                if (!HasErrors(lhsDiags))
                {
                    forced = HclValue.UnknownOf(HclType.Bool);
                    keep = lhsDiags;
                }
            }
            else if (lu.IsKnown && lu.AsBool() == decisive)
            {
                forced = HclValue.Bool(decisive);
                keep = lhsDiags;
            }
            else if (ru.IsKnown && ru.AsBool() == decisive)
            {
                forced = HclValue.Bool(decisive);
                keep = rhsDiags;
            }
            else if (!lu.IsKnown && ru.IsKnown && ru.AsBool() != decisive)
            {
                forced = HclValue.UnknownOf(HclType.Bool);
                keep = lhsDiags;
            }
            else if (!ru.IsKnown && lu.IsKnown && lu.AsBool() != decisive)
            {
                forced = HclValue.UnknownOf(HclType.Bool);
                keep = rhsDiags;
            }

            if (forced is not null)
            {
                _diags.AddRange(keep!);
                return forced.WithMarks(marks);
            }
        }

        _diags.AddRange(lhsDiags);
        _diags.AddRange(rhsDiags);
        if (HasErrors(lhsDiags) || HasErrors(rhsDiags))
            return HclValue.UnknownOf(ResultType(op)).WithMarks(marks);

        HclResult r;
        switch (op)
        {
            case BinaryOperator.Equal:
                return lu.Equal(ru).WithMarks(marks);
            case BinaryOperator.NotEqual:
                return lu.NotEqual(ru).WithMarks(marks);
            case BinaryOperator.LogicalOr:
                r = lu.Or(ru);
                break;
            case BinaryOperator.LogicalAnd:
                r = lu.And(ru);
                break;
            case BinaryOperator.GreaterThan:
                r = lu.GreaterThan(ru);
                break;
            case BinaryOperator.GreaterThanOrEqual:
                r = lu.GreaterThanOrEqualTo(ru);
                break;
            case BinaryOperator.LessThan:
                r = lu.LessThan(ru);
                break;
            case BinaryOperator.LessThanOrEqual:
                r = lu.LessThanOrEqualTo(ru);
                break;
            case BinaryOperator.Add:
                r = lu.Add(ru);
                break;
            case BinaryOperator.Subtract:
                r = lu.Subtract(ru);
                break;
            case BinaryOperator.Multiply:
                r = lu.Multiply(ru);
                break;
            case BinaryOperator.Divide:
                r = lu.Divide(ru);
                break;
            default:
                r = lu.Modulo(ru);
                break;
        }

        if (!r.IsSuccess)
        {
            Error("Operation failed", $"Error during operation: {r.Error}.", e.Range);
            return HclValue.UnknownOf(ResultType(op));
        }

        return r.Value!.WithMarks(marks);
    }

    private static bool HasErrors(List<Diagnostic> diags)
    {
        foreach (var d in diags)
        {
            if (d.IsError)
                return true;
        }

        return false;
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

        // As HCL: the result carries the marks of the condition and of both arms, whichever arm is taken.
        var (condU, condMarks) = cond.Unmark();
        var (trueU, trueMarks) = trueResult.Unmark();
        var (falseU, falseMarks) = falseResult.Unmark();
        var resMarks = condMarks.Union(trueMarks).Union(falseMarks);
        if (!condU.IsKnown)
        {
            if (trueU.IsNull && falseU.IsNull)
                return HclValue.NullOf(resultType).WithMarks(resMarks);
            return HclValue.UnknownOf(resultType).WithMarks(resMarks);
        }

        var cc = HclConvert.Convert(condU, HclType.Bool);
        if (!cc.IsSuccess)
        {
            Error("Incorrect condition type", "The condition expression must be of type bool.", condExpr.Range, range);
            return HclValue.UnknownOf(resultType);
        }

        var (cu, _) = cc.Value!.UnmarkDeep();
        if (!cu.IsKnown)
            return HclValue.UnknownOf(resultType).WithMarks(resMarks);
        if (cu.AsBool())
        {
            _diags.AddRange(trueDiags);
            return Finish(trueU, convTrue, "true", trueExpr);
        }

        _diags.AddRange(falseDiags);
        return Finish(falseU, convFalse, "false", falseExpr);

        HclValue Finish(HclValue v, HclConversion? conv, string which, Expression armExpr)
        {
            if (conv is not null)
            {
                var r = conv(v);
                if (!r.IsSuccess)
                {
                    Error("Inconsistent conditional result types", $"The {which} result value has the wrong type: {r.Error}.", armExpr.Range, range);
                    v = HclValue.UnknownOf(resultType);
                }
                else
                {
                    v = r.Value!;
                }
            }

            return v.WithMarks(resMarks);
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
                    return $"Type mismatch for tuple element {i}: {DescribeConditionalTypeMismatch(te[i], fe[i])}";
            }
        }
        else if (t.IsCollection && f.IsCollection && t.Kind == f.Kind
                 && (t.ElementType.IsObject || t.ElementType.IsTuple) && t.ElementType.Kind == f.ElementType.Kind)
        {
            var kind = t.IsList ? "list" : t.IsSet ? "set" : "map";
            return $"Mismatched {kind} element types: {DescribeConditionalTypeMismatch(t.ElementType, f.ElementType)}";
        }

        if (t.FriendlyName == f.FriendlyName)
            return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
        return $"The 'true' value is {t.FriendlyName}, but the 'false' value is {f.FriendlyName}";
    }
}
