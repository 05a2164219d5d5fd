using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The answer to a <see cref="RecoverRequest"/>.</summary>
public sealed record RecoverResult(RecoverOutcome Outcome, HclValue? State, byte[]? Private, IReadOnlyList<ProviderDiagnostic> Diagnostics);
