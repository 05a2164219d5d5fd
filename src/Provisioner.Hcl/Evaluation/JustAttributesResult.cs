using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>The result of <see cref="IHclBody.JustAttributes"/>.</summary>
public sealed record JustAttributesResult(HclAttributes Attributes, DiagnosticList Diagnostics);
