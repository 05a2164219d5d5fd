namespace Provisioner.Hcl.Values;

/// <summary>One step of an <see cref="HclPath"/>: an attribute name, a string key, or a numeric index.</summary>
/// <param name="Kind">Which kind of step.</param>
/// <param name="Name">Attribute name or map key (null for an index).</param>
/// <param name="Index">Element index (0 unless <paramref name="Kind"/> is <see cref="HclPathStepKind.Index"/>).</param>
public readonly record struct HclPathStep(HclPathStepKind Kind, string? Name, long Index);
