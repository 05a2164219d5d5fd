using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Config;

/// <summary>The root module's input variable values, plus every diagnostic found while resolving them.</summary>
public sealed record VariableValues(IReadOnlyDictionary<string, InputValue> Inputs, DiagnosticList Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;

    /// <summary>Name → value (for the <c>var</c> object of an evaluation scope).</summary>
    public IReadOnlyDictionary<string, HclValue> Values =>
        Inputs.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal);
}
