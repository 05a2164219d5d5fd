using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>Carries out a planned change.</summary>
/// <param name="PriorState">The object before (null value for a create).</param>
/// <param name="PlannedState">The planned object (null value for a destroy).</param>
/// <param name="IdempotencyToken">Deterministic per (state lineage, address, generation): the provider passes it to the
/// cloud (EC2 <c>ClientToken</c>, GCE <c>requestId</c>, ...) so that a retried call never creates a second object, and so
/// that after a crash <see cref="IProvider.RecoverAsync"/> can find what the call did.</param>
public sealed record ApplyRequest(
    string TypeName,
    HclValue PriorState,
    HclValue PlannedState,
    HclValue Config,
    byte[]? PlannedPrivate,
    string IdempotencyToken);
