using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>The result of <see cref="IHclBody.PartialContent"/>: the decoded content plus a body holding everything else.</summary>
public sealed record PartialContentResult(BodyContent Content, IHclBody Remain, DiagnosticList Diagnostics);
