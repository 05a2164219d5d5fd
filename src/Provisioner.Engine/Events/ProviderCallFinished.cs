using Provisioner.Sdk.Protocol;
using Provisioner.State;

namespace Provisioner.Engine.Events;

/// <summary>Emitted after a mutating provider call returned (successfully or not) and its result was recorded in the working state.</summary>
/// <param name="Time">When.</param>
/// <param name="Address">The instance address.</param>
/// <param name="Deposed">The deposed object's id, for the destroy of a deposed object.</param>
/// <param name="Kind">Create, update or delete.</param>
/// <param name="IdempotencyToken">The token sent with the call.</param>
/// <param name="Succeeded">Whether the provider reported success.</param>
/// <param name="Recorded">
/// The object recorded in the working state by this call (also a tainted object after a failed create), or null
/// when nothing was recorded (a delete removes the instance). Receivers read it during <c>Emit</c> only: the
/// working state owns it.
/// </param>
public sealed record ProviderCallFinished(DateTimeOffset Time, string Address, string? Deposed, ChangeKind Kind, string IdempotencyToken, bool Succeeded,
    InstanceState? Recorded = null) : EngineEvent(Time);
