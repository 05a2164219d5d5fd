using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// Terraform's <c>dynamic</c> blocks (HCL <c>ext/dynblock</c>): wraps a body so that
/// <c>dynamic "x" { for_each = ..., iterator = ..., labels = [...], content { ... } }</c> expands into one
/// <c>x</c> block per element whenever the body is decoded with a schema that expects <c>x</c> blocks.
/// </summary>
public static partial class DynamicBlocks
{
    /// <summary>
    /// Wraps <paramref name="body"/>; <paramref name="ctx"/> evaluates <c>for_each</c> and <c>labels</c>.
    /// <paramref name="checkForEach"/> may add diagnostics about a <c>for_each</c> value (for example Terraform
    /// rejects sensitive values); an error there skips the block.
    /// </summary>
    public static IHclBody Expand(IHclBody body, EvalContext? ctx, Func<HclValue, IHclExpression, EvalContext?, DiagnosticList>? checkForEach = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new DynamicExpandBody(body, ctx, null, checkForEach, null, null);
    }
}
