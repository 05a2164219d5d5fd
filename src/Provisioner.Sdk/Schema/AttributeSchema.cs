using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Schema;

/// <summary>One attribute of a resource, data source or provider configuration.</summary>
/// <remarks>
/// Exactly one of <see cref="Required"/>, <see cref="Optional"/> or <see cref="Computed"/>-only applies, as in
/// Terraform: an attribute may be <c>Optional</c> and <c>Computed</c> together (the provider fills it in when the
/// configuration leaves it out).
/// </remarks>
public sealed record AttributeSchema(HclType Type)
{
    public bool Required { get; init; }

    public bool Optional { get; init; }

    /// <summary>Set by the provider (e.g. <c>id</c>, <c>address</c>); unknown during plan until applied.</summary>
    public bool Computed { get; init; }

    /// <summary>Shown as <c>(sensitive value)</c> and never logged.</summary>
    public bool Sensitive { get; init; }

    /// <summary>A change of this attribute replaces the object instead of updating it in place.</summary>
    public bool ForceNew { get; init; }

    /// <summary>Used when the configuration leaves an optional attribute out.</summary>
    public HclValue? Default { get; init; }

    public string Description { get; init; } = "";

    public static AttributeSchema RequiredOf(HclType type) => new(type) { Required = true };

    public static AttributeSchema OptionalOf(HclType type) => new(type) { Optional = true };

    public static AttributeSchema ComputedOf(HclType type) => new(type) { Computed = true };
}
