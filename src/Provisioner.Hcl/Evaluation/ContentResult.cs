using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>The result of <see cref="IHclBody.Content"/>.</summary>
public sealed record ContentResult(BodyContent Content, DiagnosticList Diagnostics);
