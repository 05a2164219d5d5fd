using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// Static analysis of expressions without evaluating them (HCL's <c>ExprAsKeyword</c>, <c>AbsTraversalForExpr</c>,
/// <c>RelTraversalForExpr</c>-free subset, <c>ExprList</c>, <c>ExprMap</c>, <c>ExprCall</c>), for any syntax: native
/// expressions directly, others through <see cref="IHclStaticSyntax"/>.
/// </summary>
public static class StaticExpressions
{
    /// <summary>The native syntax behind an expression, if it has one.</summary>
    public static Expression? NativeSyntax(IHclExpression expr) => expr switch
    {
        NativeExpression n => n.Syntax,
        DynamicIterationExpression d => NativeSyntax(d.Inner),
        IHclStaticSyntax s => s.ToNativeSyntax(),
        _ => null,
    };

    /// <summary>A lone identifier (including the keywords true, false, null), or null.</summary>
    public static string? AsKeyword(IHclExpression expr) =>
        NativeSyntax(expr) is { } n ? TypeExpressions.AsKeyword(n) : null;

    /// <summary>An absolute traversal (<c>a.b[0]</c>, constant keys only), or an "Invalid expression" error.</summary>
    public static (Traversal? Traversal, DiagnosticList Diagnostics) AbsTraversal(IHclExpression expr)
    {
        var diags = new DiagnosticList();
        if (NativeSyntax(expr) is { } n && AbsTraversal(n) is { } t)
            return (t, diags);
        diags.Error("Invalid expression",
            "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
            expr.Range);
        return (null, diags);
    }

    /// <summary>The absolute traversal a native expression denotes, or null.</summary>
    public static Traversal? AbsTraversal(Expression expr)
    {
        expr = TypeExpressions.Unwrap(expr);
        switch (expr)
        {
            case ScopeTraversalExpr s:
                return s.Traversal;
            case LiteralValueExpr { Kind: LiteralValueKind.Bool or LiteralValueKind.Null } l:
                return new Traversal(l.Map, l.GetSourceText(), l.StartOffset, l.EndOffset, []);
            case RelativeTraversalExpr r when AbsTraversal(r.Source) is { } src:
            {
                var steps = new List<TraversalStep>(src.Steps.Count + r.Steps.Count);
                steps.AddRange(src.Steps);
                steps.AddRange(r.Steps);
                return new Traversal(src.Root.Map, src.RootName, src.Root.StartOffset, src.Root.EndOffset, steps);
            }

            default:
                return null;
        }
    }

    /// <summary>The items of a static list (tuple constructor), or an "Invalid expression" error.</summary>
    public static (IReadOnlyList<IHclExpression>? Items, DiagnosticList Diagnostics) List(IHclExpression expr)
    {
        var diags = new DiagnosticList();
        if (expr is Json.JsonExpression j && j.AsList() is { } jsonItems)
            return (jsonItems, diags);
        if (NativeSyntax(expr) is { } n && TypeExpressions.Unwrap(n) is TupleConsExpr t)
        {
            var items = new IHclExpression[t.Items.Count];
            for (var i = 0; i < items.Length; i++)
                items[i] = Wrap(expr, t.Items[i]);
            return (items, diags);
        }

        diags.Error("Invalid expression", "A static list expression is required.", expr.StartRange);
        return (null, diags);
    }

    /// <summary>The items of a static map (object constructor), or an "Invalid expression" error.</summary>
    public static (IReadOnlyList<StaticMapItem>? Items, DiagnosticList Diagnostics) Map(IHclExpression expr)
    {
        var diags = new DiagnosticList();
        if (expr is Json.JsonExpression j && j.AsMap() is { } jsonPairs)
        {
            var pairs = new StaticMapItem[jsonPairs.Count];
            for (var i = 0; i < pairs.Length; i++)
                pairs[i] = new StaticMapItem(jsonPairs[i].Key, jsonPairs[i].Value);
            return (pairs, diags);
        }

        if (NativeSyntax(expr) is { } n && TypeExpressions.Unwrap(n) is ObjectConsExpr o)
        {
            var items = new StaticMapItem[o.Items.Count];
            for (var i = 0; i < items.Length; i++)
                items[i] = new StaticMapItem(Wrap(expr, o.Items[i].Key), Wrap(expr, o.Items[i].Value));
            return (items, diags);
        }

        diags.Error("Invalid expression", "A static map expression is required.", expr.StartRange);
        return (null, diags);
    }

    /// <summary>A static function call, or an "Invalid expression" error.</summary>
    public static (StaticCall? Call, DiagnosticList Diagnostics) Call(IHclExpression expr)
    {
        var diags = new DiagnosticList();
        if (NativeSyntax(expr) is { } n && TypeExpressions.Unwrap(n) is FunctionCallExpr f)
        {
            var args = new IHclExpression[f.Args.Count];
            for (var i = 0; i < args.Length; i++)
                args[i] = Wrap(expr, f.Args[i]);
            return (new StaticCall(f.Name, f.NameRange, args, SourceRange.Between(f.OpenParenRange, f.CloseParenRange)), diags);
        }

        diags.Error("Invalid expression", "A static function call is required.", expr.StartRange);
        return (null, diags);
    }

    /// <summary>Wraps a sub-expression like its parent (keeping a dynamic-block iteration scope, if any).</summary>
    private static IHclExpression Wrap(IHclExpression parent, Expression child) => parent switch
    {
        DynamicIterationExpression d => new DynamicIterationExpression(Wrap(d.Inner, child), d.Iteration),
        _ => new NativeExpression(child),
    };
}
