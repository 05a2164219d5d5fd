using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The object as it is now; a null value when it no longer exists (deleted outside Provisioner).</summary>
public sealed record ReadResult(HclValue NewState, byte[]? Private, IReadOnlyList<ProviderDiagnostic> Diagnostics);
