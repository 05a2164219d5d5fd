using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>A native-syntax expression behind the generic <see cref="IHclExpression"/> interface.</summary>
public sealed class NativeExpression : IHclExpression
{
    public NativeExpression(Expression syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Syntax = syntax;
    }

    /// <summary>The syntax node.</summary>
    public Expression Syntax { get; }

    public SourceRange Range => Syntax.Range;

    public SourceRange StartRange => ExpressionRanges.StartRange(Syntax);

    public EvalResult Evaluate(EvalContext? ctx) => HclEvaluator.Evaluate(Syntax, ctx);

    public IReadOnlyList<Traversal> Variables() => Syntax.Variables();

    public override string ToString() => Syntax.GetSourceText();
}
