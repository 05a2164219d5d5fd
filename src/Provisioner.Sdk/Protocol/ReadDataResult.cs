using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The data source's value.</summary>
public sealed record ReadDataResult(HclValue State, IReadOnlyList<ProviderDiagnostic> Diagnostics);
