namespace Provisioner.Hcl.Json;

/// <summary>The outcome of <see cref="HclToJson.Convert"/>: the JSON text (empty when there are errors) and diagnostics.</summary>
public sealed record HclToJsonResult(string Json, Provisioner.Hcl.Diagnostics.DiagnosticList Diagnostics);
