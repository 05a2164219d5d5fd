using Provisioner.Hcl.Values;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Engine.Events;

/// <summary>
/// Emitted immediately before a mutating provider call: what the journal (issue 4) appends and fsyncs, so that after
/// a crash the call can be resolved through <c>RecoverAsync</c> with the same idempotency token. The call is made
/// only after every receiver returned.
/// </summary>
/// <param name="Time">When.</param>
/// <param name="Address">The instance address.</param>
/// <param name="Deposed">The deposed object's id, for the destroy of a deposed object.</param>
/// <param name="Kind">Create, update or delete.</param>
/// <param name="IdempotencyToken">The token sent with the call.</param>
/// <param name="Generation">The generation recorded with the resulting object.</param>
/// <param name="Provider">The provider configuration's state name (<c>sim</c>, <c>sim.alias</c>).</param>
/// <param name="Prior">The object before the call (unmarked; a null value for a create).</param>
/// <param name="Planned">The planned object (unmarked; may hold unknown values; a null value for a delete).</param>
/// <param name="DeposedCurrent">For a create under <c>create_before_destroy</c>: the id the current object was deposed as.</param>
public sealed record ProviderCallStarting(DateTimeOffset Time, string Address, string? Deposed, ChangeKind Kind, string IdempotencyToken, long Generation,
    string Provider = "", HclValue? Prior = null, HclValue? Planned = null, string? DeposedCurrent = null,
    IReadOnlyList<string>? Dependencies = null) : EngineEvent(Time);
