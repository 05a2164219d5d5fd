using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>
/// HCL's static analyses (<c>hcl.AbsTraversalForExpr</c>, <c>hcl.ExprAsKeyword</c>, <c>hcl.ExprList</c>,
/// <c>hcl.ExprMap</c>) over syntax-agnostic expressions, so that callers such as <c>depends_on</c> or
/// <c>ignore_changes</c> work for both <c>.tf</c> and <c>.tf.json</c>. Native expressions go to
/// <see cref="StaticExpr"/>; JSON strings are read as native traversals (not templates), JSON arrays are static lists
/// and JSON objects static maps, as the JSON spec's "Static Analysis" section says.
/// </summary>
public static class StaticAnalysis
{
    private const string TraversalDetail =
        "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.";

    /// <summary>The static absolute traversal the expression is, or null with an "Invalid expression" error.</summary>
    public static Traversal? AbsTraversal(IHclExpression expr, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (expr)
        {
            case NativeExpression n:
                return StaticExpr.AbsTraversal(n.Syntax, diagnostics);
            case JsonExpression j when j.AsTraversal() is { } traversal:
                return traversal;
            default:
                diagnostics.Error("Invalid expression", TraversalDetail, expr.Range);
                return null;
        }
    }

    /// <summary>The keyword (a bare single identifier such as <c>all</c>) the expression is, or null.</summary>
    public static string? AsKeyword(IHclExpression expr) => expr switch
    {
        NativeExpression n => StaticExpr.AsKeyword(n.Syntax),
        JsonExpression j => j.AsTraversal() is { Steps.Count: 0 } t ? t.RootName : null,
        _ => null,
    };

    /// <summary>The items of a static list (native tuple constructor or JSON array), or null with an error.</summary>
    public static IReadOnlyList<IHclExpression>? List(IHclExpression expr, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (expr)
        {
            case NativeExpression n:
                return StaticExpr.List(n.Syntax, diagnostics)?.Select(e => (IHclExpression)new NativeExpression(e)).ToArray();
            case JsonExpression j when j.AsList() is { } items:
                return items;
            default:
                diagnostics.Error("Invalid expression", "A static list expression is required.", expr.Range);
                return null;
        }
    }

    /// <summary>The key/value pairs of a static map (native object constructor or JSON object), or null with an error.</summary>
    public static IReadOnlyList<KeyValuePair<IHclExpression, IHclExpression>>? Map(IHclExpression expr, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (expr)
        {
            case NativeExpression n:
                return StaticExpr.Map(n.Syntax, diagnostics)?
                    .Select(i => new KeyValuePair<IHclExpression, IHclExpression>(new NativeExpression(i.Key), new NativeExpression(i.Value)))
                    .ToArray();
            case JsonExpression j when j.AsMap() is { } pairs:
                return pairs;
            default:
                diagnostics.Error("Invalid expression", "A static map expression is required.", expr.Range);
                return null;
        }
    }
}
