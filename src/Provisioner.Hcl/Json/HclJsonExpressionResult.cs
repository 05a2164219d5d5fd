using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>The outcome of <see cref="HclJsonSyntax.ParseExpression(ReadOnlyMemory{byte}, string)"/>.</summary>
public sealed record HclJsonExpressionResult(JsonExpression Expression, DiagnosticList Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;
}
