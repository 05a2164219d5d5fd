using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>What a change did.</summary>
/// <param name="NewState">The object now (a null value after a destroy). A create that failed part way but left an
/// object behind returns that object with error diagnostics: the engine records it as tainted.</param>
public sealed record ApplyResult(HclValue NewState, byte[]? Private, IReadOnlyList<ProviderDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
