using System.Runtime.CompilerServices;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// The tree-walking evaluator behind <see cref="HclEvaluator"/>. One instance per top-level evaluation: it owns
/// the diagnostics list (so nested evaluations append without allocating) and the splat item bindings.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly List<Diagnostic> _diags = [];
    private List<(AnonSymbolExpr Symbol, HclValue Value)>? _splatItems;

    public DiagnosticList TakeDiagnostics()
    {
        var list = new DiagnosticList();
        foreach (var d in _diags)
            list.Add(d);
        return list;
    }

    internal int DiagCount => _diags.Count;

    internal bool HasErrorsSince(int start)
    {
        for (var i = start; i < _diags.Count; i++)
        {
            if (_diags[i].IsError)
                return true;
        }

        return false;
    }

    internal List<Diagnostic> CutSince(int start)
    {
        if (start == _diags.Count)
            return [];
        var cut = _diags.GetRange(start, _diags.Count - start);
        _diags.RemoveRange(start, _diags.Count - start);
        return cut;
    }

    internal void Truncate(int start) => _diags.RemoveRange(start, _diags.Count - start);

    private void Error(string summary, string detail, SourceRange? subject, SourceRange? context = null) =>
        _diags.Add(Diagnostic.Error(summary, detail, subject, context));

    public HclValue Eval(Expression expr, EvalContext? ctx)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case LiteralValueExpr lit:
                return EvalLiteral(lit);
            case TemplateExpr t:
                return EvalTemplate(t, ctx);
            case TemplateWrapExpr w:
                return Eval(w.Wrapped, ctx);
            case ScopeTraversalExpr s:
                return EvalScopeTraversal(s.Traversal, ctx);
            case RelativeTraversalExpr r:
                return EvalRelativeTraversal(r, ctx);
            case FunctionCallExpr f:
                return EvalFunctionCall(f, ctx);
            case ConditionalExpr c:
                return EvalConditional(c.Condition, c.TrueResult, c.FalseResult, c.Range, ctx);
            case BinaryOpExpr b:
                return EvalBinaryChain(b, ctx);
            case UnaryOpExpr u:
                return EvalUnary(u, ctx);
            case TupleConsExpr t:
                return EvalTuple(t, ctx);
            case ObjectConsExpr o:
                return EvalObject(o, ctx);
            case ObjectConsKeyExpr k:
                return EvalObjectKey(k, ctx);
            case ForExpr f:
                return EvalFor(f, ctx);
            case IndexExpr i:
                return EvalIndex(i, ctx);
            case SplatExpr s:
                return EvalSplat(s, ctx);
            case AnonSymbolExpr a:
                return EvalAnonSymbol(a);
            case ParenthesesExpr p:
                return Eval(p.Expression, ctx);
            case TemplateIfExpr ti:
                return EvalConditional(ti.Condition, ti.TrueResult, ti.FalseResult, ti.Range, ctx);
            case TemplateForExpr tf:
                return EvalTemplateFor(tf, ctx);
            case ExprSyntaxError:
                return HclValue.DynamicVal;
            default:
                throw new InvalidOperationException($"unsupported expression node {expr.GetType().Name}");
        }
    }

    // ------------------------------------------------------------------ literals

    private static HclValue EvalLiteral(LiteralValueExpr lit)
    {
        switch (lit.Kind)
        {
            case LiteralValueKind.String:
                return lit.Text.Length == 0 ? HclValue.EmptyString : HclValue.String(lit.Text);
            case LiteralValueKind.Bool:
                return HclValue.Bool(lit.BoolValue);
            case LiteralValueKind.Null:
                return HclValue.Null;
            case LiteralValueKind.Number:
                return ParseNumberLiteral(lit.Text);
            default:
                return HclValue.DynamicVal;
        }
    }

    /// <summary>Number literals are parsed at 512-bit precision, as hclsyntax does with <c>cty.ParseNumberVal</c>.</summary>
    internal static HclValue ParseNumberLiteral(string text)
    {
        var r = HclValue.ParseNumber(text);
        return r.IsSuccess ? r.Value! : HclValue.DynamicVal;
    }

    // ------------------------------------------------------------------ tuples and objects

    private HclValue EvalTuple(TupleConsExpr t, EvalContext? ctx)
    {
        var items = t.Items;
        if (items.Count == 0)
            return HclValue.EmptyTuple;
        var vals = new HclValue[items.Count];
        for (var i = 0; i < vals.Length; i++)
            vals[i] = Eval(items[i], ctx);
        return HclValue.Tuple(vals);
    }

    private HclValue EvalObject(ObjectConsExpr o, EvalContext? ctx)
    {
        var items = o.Items;
        if (items.Count == 0)
            return HclValue.EmptyObject;
        var vals = new Dictionary<string, HclValue>(items.Count, StringComparer.Ordinal);
        var marks = HclMarks.None;
        var known = true;
        foreach (var item in items)
        {
            var start = _diags.Count;
            var key = Eval(item.Key, ctx);
            var keyErrors = HasErrorsSince(start);
            var val = Eval(item.Value, ctx);
            if (keyErrors)
            {
                known = false;
                continue;
            }

            if (key.IsNull)
            {
                Error("Null value as key", "Can't use a null value as a key.", item.Value.Range);
                known = false;
                continue;
            }

            var (uk, km) = key.Unmark();
            marks = marks.Union(km);
            var conv = HclConvert.Convert(uk, HclType.String);
            if (!conv.IsSuccess)
            {
                Error("Incorrect key type", $"Can't use this value as a key: {conv.Error}.", item.Key.Range);
                known = false;
                continue;
            }

            if (!conv.Value!.IsKnown)
            {
                known = false;
                continue;
            }

            vals[conv.Value.AsString()] = val;
        }

        if (!known)
            return HclValue.DynamicVal;
        return HclValue.Object(vals).WithMarks(marks);
    }

    private HclValue EvalObjectKey(ObjectConsKeyExpr k, EvalContext? ctx)
    {
        if (k.LiteralName is { } name)
            return HclValue.String(name);
        if (!k.ForceNonLiteral)
        {
            var inner = k.Wrapped;
            if (inner is ScopeTraversalExpr st)
            {
                if (st.Traversal.Steps.Count > 0)
                {
                    Error("Ambiguous attribute key",
                        "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
                        k.Range);
                    return HclValue.DynamicVal;
                }

                return HclValue.String(st.Traversal.RootName);
            }

            // true, false and null are keywords in expressions but plain names as object keys (HCL's AsTraversal).
            if (inner is LiteralValueExpr { Kind: LiteralValueKind.Bool or LiteralValueKind.Null } kw)
                return HclValue.String(kw.GetSourceText());
        }

        return Eval(k.Wrapped, ctx);
    }

    // ------------------------------------------------------------------ splat item symbols

    private HclValue EvalAnonSymbol(AnonSymbolExpr a)
    {
        if (_splatItems is not null)
        {
            for (var i = _splatItems.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(_splatItems[i].Symbol, a))
                    return _splatItems[i].Value;
            }
        }

        return HclValue.DynamicVal;
    }
}
