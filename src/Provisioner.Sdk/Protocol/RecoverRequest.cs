using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>
/// After a crash: asks what became of a mutating call that was journaled but whose result was never recorded.
/// </summary>
/// <param name="PlannedState">The planned object, so a provider can also search by name or tag.</param>
/// <param name="PriorState">The object before the call (null value for a create).</param>
public sealed record RecoverRequest(string TypeName, ChangeKind Kind, string IdempotencyToken, HclValue PriorState, HclValue PlannedState);
