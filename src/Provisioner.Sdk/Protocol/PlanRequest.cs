using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>Asks a provider what a change would look like.</summary>
/// <param name="TypeName">Resource type, e.g. <c>sim_machine</c>.</param>
/// <param name="PriorState">The object as recorded (refreshed); a null value when the object is to be created.</param>
/// <param name="ProposedNewState">The configuration merged with the prior computed attributes; a null value when the
/// object is to be destroyed.</param>
/// <param name="Config">The configuration exactly as written (unset attributes null).</param>
/// <param name="PriorPrivate">The provider's opaque data stored with the object.</param>
public sealed record PlanRequest(string TypeName, HclValue PriorState, HclValue ProposedNewState, HclValue Config, byte[]? PriorPrivate);
