using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config.Decoding;

/// <summary>Static readings of expressions of either syntax (HCL's <c>AbsTraversalForExpr</c>, <c>ExprList</c>, <c>ExprMap</c>, keywords).</summary>
internal static class StaticExpressions
{
    public static Expression? Native(IHclExpression expr) => expr switch
    {
        NativeExpression n => n.Syntax,
        IHclStaticSyntax s => s.ToNativeSyntax(),
        _ => null,
    };

    public static Traversal? Traversal(IHclExpression expr, DiagnosticList diags)
    {
        var native = Native(expr);
        if (native is not null && StaticExpr.Unwrap(native) is ScopeTraversalExpr s)
            return s.Traversal;
        diags.Error("Invalid expression",
            "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
            expr.Range);
        return null;
    }

    public static string? Keyword(IHclExpression expr)
    {
        var native = Native(expr);
        return native is null ? null : StaticExpr.AsKeyword(native);
    }

    public static IReadOnlyList<IHclExpression>? List(IHclExpression expr, DiagnosticList diags)
    {
        if (expr is JsonExpression j && j.AsList() is { } items)
            return items;
        if (expr is NativeExpression n && StaticExpr.Unwrap(n.Syntax) is TupleConsExpr t)
            return t.Items.Select(i => (IHclExpression)new NativeExpression(i)).ToArray();
        diags.Error("Invalid expression", "A static list expression is required.", expr.Range);
        return null;
    }

    public static IReadOnlyList<KeyValuePair<IHclExpression, IHclExpression>>? Map(IHclExpression expr, DiagnosticList diags)
    {
        if (expr is JsonExpression j && j.AsMap() is { } items)
            return items;
        if (expr is NativeExpression n && StaticExpr.Unwrap(n.Syntax) is ObjectConsExpr o)
        {
            return o.Items.Select(i => new KeyValuePair<IHclExpression, IHclExpression>(
                new NativeExpression(i.Key), new NativeExpression(i.Value))).ToArray();
        }
        diags.Error("Invalid expression", "A static map expression is required.", expr.Range);
        return null;
    }

    public static IReadOnlyList<Traversal> TraversalList(IHclExpression expr, DiagnosticList diags)
    {
        var items = List(expr, diags);
        if (items is null)
            return [];
        var result = new List<Traversal>();
        foreach (var item in items)
        {
            if (Traversal(item, diags) is { } t)
                result.Add(t);
        }
        return result;
    }

    /// <summary>A literal string (no variables or functions); null with a diagnostic otherwise.</summary>
    public static string? LiteralString(IHclExpression expr, DiagnosticList diags, string what)
    {
        var (value, d) = expr.Evaluate(null);
        if (d.HasErrors)
        {
            diags.AddRange(d);
            return null;
        }
        if (value.IsNull || !value.IsKnown || !value.Type.IsString)
        {
            var conv = Provisioner.Hcl.Values.HclConvert.Convert(value, Provisioner.Hcl.Values.HclType.String);
            if (!conv.IsSuccess || conv.Value!.IsNull)
            {
                diags.Error($"Invalid {what}", $"The {what} must be a string.", expr.Range);
                return null;
            }
            return conv.Value!.AsString();
        }
        return value.AsString();
    }

    /// <summary>A literal bool; null with a diagnostic otherwise.</summary>
    public static bool? LiteralBool(IHclExpression expr, DiagnosticList diags, string what)
    {
        var (value, d) = expr.Evaluate(null);
        if (d.HasErrors)
        {
            diags.AddRange(d);
            return null;
        }
        var conv = Provisioner.Hcl.Values.HclConvert.Convert(value, Provisioner.Hcl.Values.HclType.Bool);
        if (!conv.IsSuccess || conv.Value!.IsNull || !conv.Value.IsKnown)
        {
            diags.Error($"Invalid {what}", $"The {what} must be true or false.", expr.Range);
            return null;
        }
        return conv.Value!.AsBool();
    }

    /// <summary>Provider reference <c>NAME</c> or <c>NAME.ALIAS</c>.</summary>
    public static ProviderRef? ProviderReference(IHclExpression expr, DiagnosticList diags)
    {
        var t = Traversal(expr, diags);
        if (t is null)
            return null;
        if (t.Steps.Count == 0)
            return new ProviderRef(t.RootName, null, t.Range);
        if (t.Steps.Count == 1 && t.Steps[0] is TraverseAttr a)
            return new ProviderRef(t.RootName, a.Name, t.Range);
        diags.Error("Invalid provider configuration reference",
            "A provider configuration reference must not include an index or further attributes: use NAME or NAME.ALIAS.",
            t.Range);
        return null;
    }
}
