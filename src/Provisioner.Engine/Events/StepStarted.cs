using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Events;

/// <summary>The executor started one step (<c>Creating...</c>, <c>Destroying...</c>).</summary>
/// <param name="Step">Create, Update or Delete (a replace is two steps).</param>
/// <param name="Id">The object's id when known (for updates and deletes).</param>
public sealed record StepStarted(DateTimeOffset Time, string Address, ChangeAction Step, string? Id) : EngineEvent(Time);
