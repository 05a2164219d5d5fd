namespace Provisioner.Hcl.Values;

/// <summary>
/// A Terraform type constraint (<c>variable { type = … }</c>): a type that may contain <c>any</c> and
/// <c>optional(T, default)</c> attributes, plus the default values for those attributes.
/// </summary>
/// <param name="Type">The constraint type; object types carry their optional attribute names.</param>
/// <param name="Defaults">Defaults for optional attributes, or null when there are none.</param>
public sealed record HclTypeConstraint(HclType Type, HclTypeDefaults? Defaults = null)
{
    /// <summary>The unconstrained type (<c>any</c>).</summary>
    public static HclTypeConstraint Any { get; } = new(HclType.Dynamic);

    /// <summary>Fills optional-attribute defaults (no conversion).</summary>
    public HclValue ApplyDefaults(HclValue value) => Defaults is null ? value : Defaults.Apply(value);

    /// <summary>
    /// What Terraform does with a variable value: apply defaults, then convert to <see cref="Type"/>
    /// (missing optional attributes without a default become null).
    /// </summary>
    public HclResult Convert(HclValue value) => HclConvert.Convert(ApplyDefaults(value), Type);

    /// <summary>The constraint in type-expression syntax (defaults are not shown).</summary>
    public override string ToString() => Type.ToTypeExpressionString();
}
