namespace Provisioner.Hcl.Values;

/// <summary>
/// A user-level failure from a value operation or conversion: a message in cty's wording plus the path
/// inside the value where it happened (<c>.tags["a"]</c>), so the evaluator can build a diagnostic.
/// </summary>
/// <param name="Message">cty-style message, e.g. <c>a number is required</c>.</param>
/// <param name="Path">Path prefix in HCL traversal syntax; empty at the top level.</param>
public sealed record HclError(string Message, string Path = "")
{
    /// <summary>
    /// A diagnostic summary in HCL's wording when the operation knows one (for example <c>Invalid index</c> from
    /// <see cref="HclAccess.Index"/>); null when the caller chooses the summary.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The message prefixed with the path like cty's errors: <c>.tags["a"]: a number is required</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";

    internal HclError Under(string step) => this with { Path = step + Path };
}
