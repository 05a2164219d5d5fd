using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl;

/// <summary>
/// An expression of any HCL syntax (native or JSON), as the schema API hands it out (HCL's <c>hcl.Expression</c>).
/// </summary>
public interface IHclExpression
{
    /// <summary>Evaluates the expression; a null context allows no variables and no functions.</summary>
    EvalResult Evaluate(EvalContext? ctx);

    /// <summary>The absolute traversals (variable references) the expression depends on, in source order.</summary>
    IReadOnlyList<Traversal> Variables();

    /// <summary>The whole expression's range.</summary>
    SourceRange Range { get; }

    /// <summary>A short range at the start of the expression, for diagnostics where the whole range is too much.</summary>
    SourceRange StartRange { get; }
}
