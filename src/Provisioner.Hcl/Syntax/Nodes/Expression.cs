namespace Provisioner.Hcl.Syntax;

/// <summary>Base of all expression nodes.</summary>
public abstract class Expression : SyntaxNode
{
    private protected Expression(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    /// <summary>
    /// The absolute traversals this expression refers to (variable references), in source order, excluding
    /// references to for-expression and template-for symbols declared inside the expression.
    /// </summary>
    public IReadOnlyList<Traversal> Variables() => VariablesWalker.Collect(this);

    /// <summary>The child expressions, in source order.</summary>
    public IEnumerable<Expression> ChildExpressions()
    {
        foreach (var child in ChildNodes())
        {
            if (child is Expression e)
                yield return e;
        }
    }
}
