using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>An expression inside a generated <c>dynamic</c> block: evaluated with the block's iterators in scope.</summary>
public sealed class DynamicIterationExpression : IHclExpression
{
    internal DynamicIterationExpression(IHclExpression inner, DynamicIteration iteration)
    {
        Inner = inner;
        Iteration = iteration;
    }

    /// <summary>The expression as written.</summary>
    public IHclExpression Inner { get; }

    internal DynamicIteration Iteration { get; }

    public SourceRange Range => Inner.Range;

    public SourceRange StartRange => Inner.StartRange;

    public EvalResult Evaluate(EvalContext? ctx) => Inner.Evaluate(Iteration.EvalContext(ctx));

    /// <summary>References other than the iterators this wrapper provides.</summary>
    public IReadOnlyList<Traversal> Variables()
    {
        var raw = Inner.Variables();
        var ret = new List<Traversal>(raw.Count);
        foreach (var t in raw)
        {
            if (t.RootName == Iteration.IteratorName || Iteration.Inherited.ContainsKey(t.RootName))
                continue;
            ret.Add(t);
        }

        return ret;
    }
}
