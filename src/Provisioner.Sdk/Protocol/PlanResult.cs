using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The provider's plan for one object.</summary>
/// <param name="PlannedState">The object after the change; attributes the provider only learns when applying are unknown.</param>
/// <param name="RequiresReplace">Changed attributes that cannot be updated in place; non-empty means replace.</param>
public sealed record PlanResult(
    HclValue PlannedState,
    IReadOnlyList<AttributePath> RequiresReplace,
    byte[]? PlannedPrivate,
    IReadOnlyList<ProviderDiagnostic> Diagnostics)
{
    public static PlanResult Failed(params ProviderDiagnostic[] diagnostics) =>
        new(HclValue.DynamicVal, [], null, diagnostics);
}
