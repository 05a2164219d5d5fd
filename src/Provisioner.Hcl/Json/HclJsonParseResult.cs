using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>The outcome of <see cref="HclJsonSyntax.Parse(ReadOnlyMemory{byte}, string)"/>: a best-effort file plus diagnostics.</summary>
public sealed record HclJsonParseResult(HclJsonFile File, DiagnosticList Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;
}
