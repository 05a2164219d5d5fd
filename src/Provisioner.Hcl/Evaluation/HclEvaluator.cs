using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// Evaluates native-syntax expressions (hclsyntax's <c>Expression.Value</c>): values, unknowns, marks and
/// diagnostics with HCL's summaries, details and ranges.
/// </summary>
public static class HclEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="expr"/> in <paramref name="ctx"/>. A null context means no variables and no
    /// functions are available ("Variables not allowed", "Function calls not allowed"). Never throws for user errors.
    /// </summary>
    public static EvalResult Evaluate(Expression expr, EvalContext? ctx)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var ev = new Evaluator();
        var value = ev.Eval(expr, ctx);
        return new EvalResult(value, ev.TakeDiagnostics());
    }
}
