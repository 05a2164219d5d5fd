using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The imported object's state (refreshed), or diagnostics when there is no such object.</summary>
public sealed record ImportResult(HclValue? State, byte[]? Private, IReadOnlyList<ProviderDiagnostic> Diagnostics);
