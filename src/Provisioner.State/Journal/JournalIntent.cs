namespace Provisioner.State.Journal;

/// <summary>
/// An <c>intent</c> record: a mutating provider call about to be made. Written and fsynced before the call, so that
/// after a crash the call can be resolved through the provider (by <see cref="Token"/>) and its result adopted.
/// </summary>
/// <param name="Seq">The record's sequence number in its journal (assigned by <see cref="JournalWriter"/>).</param>
/// <param name="Lineage">The lineage of the state the apply started from.</param>
/// <param name="Serial">The serial of the state the apply started from.</param>
/// <param name="Address">The instance address, e.g. <c>module.a.sim_machine.m[4]</c>.</param>
/// <param name="Module">The module path of the resource (<c>""</c> for the root module).</param>
/// <param name="Type">The resource type, e.g. <c>sim_machine</c>.</param>
/// <param name="Name">The resource name.</param>
/// <param name="Each"><c>""</c>, <c>list</c> or <c>map</c>, as <see cref="ResourceState.Each"/>.</param>
/// <param name="Key">The instance key: null, a <see cref="long"/> or a <see cref="string"/>.</param>
/// <param name="Deposed">The deposed object's id when the call concerns a deposed object.</param>
/// <param name="Kind"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Token">The call's idempotency token.</param>
/// <param name="Generation">The generation recorded with the resulting object.</param>
/// <param name="Provider">The provider configuration's state name (<c>sim</c>, <c>sim.alias</c>).</param>
/// <param name="PriorJson">The object before the call (JSON), null for a create.</param>
/// <param name="PlannedJson">The planned object (JSON, values unknown before the call as null), null for a delete.</param>
/// <param name="Dependencies">The addresses the object depends on (recorded with it when recovery adopts it).</param>
/// <param name="DeposeCurrentAs">
/// For a create that replaces an object under <c>create_before_destroy</c>: the id under which the current object
/// is deposed when the create's result is adopted, so the old object stays recorded (and is destroyed later).
/// </param>
public sealed record JournalIntent(
    long Seq,
    string Lineage,
    long Serial,
    string Address,
    string Module,
    string Type,
    string Name,
    string Each,
    object? Key,
    string? Deposed,
    string Kind,
    string Token,
    long Generation,
    string Provider,
    string? PriorJson,
    string? PlannedJson,
    string? DeposeCurrentAs,
    IReadOnlyList<string>? Dependencies = null)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
