namespace Provisioner.Hcl.Syntax;

/// <summary>Collects the absolute traversals of an expression, honouring for-expression local scopes.</summary>
internal static class VariablesWalker
{
    private sealed record Scope(Scope? Parent, string? KeyVar, string? ValueVar)
    {
        public bool Declares(string name)
        {
            for (var s = this; s != null; s = s.Parent)
            {
                if (s.KeyVar == name || s.ValueVar == name)
                    return true;
            }
            return false;
        }
    }

    public static IReadOnlyList<Traversal> Collect(Expression root)
    {
        var acc = new List<Traversal>();
        Walk(root, null, acc);
        return acc;
    }

    private static void Walk(Expression root, Scope? rootScope, List<Traversal> acc)
    {
        // Explicit stack: long operator chains make deep left-nested trees.
        var stack = new Stack<(Expression Expr, Scope? Scope)>();
        stack.Push((root, rootScope));
        var children = new List<Expression>();
        while (stack.Count > 0)
        {
            var (e, scope) = stack.Pop();
            switch (e)
            {
                case ScopeTraversalExpr s:
                    if (scope == null || !scope.Declares(s.RootName))
                        acc.Add(s.Traversal);
                    continue;
                case ForExpr f:
                {
                    var inner = new Scope(scope, f.KeyVar, f.ValueVar);
                    if (f.Condition != null)
                        stack.Push((f.Condition, inner));
                    stack.Push((f.ValueExpr, inner));
                    if (f.KeyExpr != null)
                        stack.Push((f.KeyExpr, inner));
                    stack.Push((f.Collection, scope));
                    continue;
                }
                case TemplateExpr { IsDeferredString: true }:
                case LiteralValueExpr:
                    continue;
                case TemplateForExpr t:
                    stack.Push((t.Body, new Scope(scope, t.KeyVar, t.ValueVar)));
                    stack.Push((t.Collection, scope));
                    continue;
                default:
                    children.Clear();
                    foreach (var child in e.ChildNodes())
                    {
                        if (child is Expression ce)
                            children.Add(ce);
                    }
                    for (var i = children.Count - 1; i >= 0; i--)
                        stack.Push((children[i], scope));
                    continue;
            }
        }
    }
}
