using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions;

/// <summary>One parameter of an <see cref="HclFunction"/>, with cty's per-parameter acceptance flags.</summary>
/// <param name="Name">Name used in messages (<c>Invalid value for "list" parameter</c>).</param>
/// <param name="Type">The type arguments are converted to; <see cref="HclType.Dynamic"/> accepts anything as is.</param>
public sealed record FunctionParameter(string Name, HclType Type)
{
    /// <summary>Null arguments reach the implementation; otherwise a null argument is an error.</summary>
    public bool AllowNull { get; init; }

    /// <summary>Unknown arguments reach the implementation; otherwise the result is an unknown of the return type.</summary>
    public bool AllowUnknown { get; init; }

    /// <summary>Arguments of unknown type (<c>DynamicVal</c>) reach the implementation; otherwise the result is <c>DynamicVal</c>.</summary>
    public bool AllowDynamicType { get; init; }

    /// <summary>Marked (for example sensitive) arguments reach the implementation with their marks; otherwise
    /// marks are removed before the call and added to the result after it.</summary>
    public bool AllowMarked { get; init; }
}
