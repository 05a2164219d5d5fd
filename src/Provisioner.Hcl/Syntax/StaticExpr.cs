using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Static (non-evaluating) interpretations of expressions, as HCL's <c>hcl.AbsTraversalForExpr</c>,
/// <c>hcl.ExprAsKeyword</c>, <c>hcl.ExprList</c> and <c>hcl.ExprMap</c>: used for arguments such as
/// <c>depends_on</c>, <c>ignore_changes</c> or <c>providers</c> that are references or keywords, not values.
/// </summary>
public static class StaticExpr
{
    /// <summary>Removes parentheses and object-key wrappers.</summary>
    public static Expression Unwrap(Expression expr)
    {
        while (true)
        {
            switch (expr)
            {
                case ParenthesesExpr p:
                    expr = p.Expression;
                    continue;
                case ObjectConsKeyExpr k:
                    expr = k.Wrapped;
                    continue;
                default:
                    return expr;
            }
        }
    }

    /// <summary>The static absolute traversal the expression is, or an error ("Invalid expression").</summary>
    public static Traversal? AbsTraversal(Expression expr, DiagnosticList diagnostics)
    {
        if (Unwrap(expr) is ScopeTraversalExpr s)
            return s.Traversal;
        diagnostics.Error("Invalid expression",
            "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
            expr.Range);
        return null;
    }

    /// <summary>The keyword (a bare single identifier such as <c>all</c>), or null.</summary>
    public static string? AsKeyword(Expression expr) =>
        Unwrap(expr) is ScopeTraversalExpr { HasNoSteps: true } s ? s.RootName : null;

    /// <summary>The items of a static list (tuple constructor), or an error.</summary>
    public static IReadOnlyList<Expression>? List(Expression expr, DiagnosticList diagnostics)
    {
        if (Unwrap(expr) is TupleConsExpr t)
            return t.Items;
        diagnostics.Error("Invalid expression", "A static list expression is required.", expr.Range);
        return null;
    }

    /// <summary>The items of a static map (object constructor), or an error.</summary>
    public static IReadOnlyList<ObjectConsItem>? Map(Expression expr, DiagnosticList diagnostics)
    {
        if (Unwrap(expr) is ObjectConsExpr o)
            return o.Items;
        diagnostics.Error("Invalid expression", "A static map expression is required.", expr.Range);
        return null;
    }
}
