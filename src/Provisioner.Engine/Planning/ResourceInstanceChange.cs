using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Engine.Planning;

/// <summary>One planned step for one resource instance: the unit the executor runs and the plan shows on one line.</summary>
/// <param name="Address">The instance (<c>sim_machine.web[0]</c>).</param>
/// <param name="Provider">The provider configuration that carries it out (<c>sim</c>, <c>sim.east</c>).</param>
/// <param name="Action">What happens.</param>
/// <param name="Before">The object before (a null value when creating).</param>
/// <param name="After">The planned object (a null value when deleting); unknown attributes are "known after apply".</param>
/// <param name="ReplacePaths">For replacements: the attributes that forced them.</param>
/// <param name="Reason">Why this action.</param>
/// <param name="Dependencies">Resources this instance depends on (creates run after them; deletes before them).</param>
public sealed record ResourceInstanceChange(
    ResourceInstanceAddress Address,
    string Provider,
    ChangeAction Action,
    HclValue Before,
    HclValue After,
    IReadOnlyList<AttributePath> ReplacePaths,
    ActionReason Reason,
    IReadOnlyList<ResourceAddress> Dependencies)
{
    /// <summary>The provider's opaque data planned with the object.</summary>
    public byte[]? PlannedPrivate { get; init; }

    /// <summary>Set when the object is adopted by an <c>import</c> block: the provider id it is imported by.</summary>
    public string? ImportId { get; init; }

    /// <summary>Set for a deposed object (an old object left behind by <c>create_before_destroy</c>).</summary>
    public string? Deposed { get; init; }

    /// <summary>
    /// Why, in words, when the engine chose this action for a pool node or a member (decision 0006 §4):
    /// <c>new node: quantity 5 -> 20</c>, <c>removed from cluster_rke.main before its machine is destroyed</c>.
    /// </summary>
    public string? ReasonText { get; internal set; }
}
