namespace Provisioner.Hcl;

/// <summary>An expected attribute (argument) of a body.</summary>
public sealed record AttributeSchema(string Name, bool Required = false);
