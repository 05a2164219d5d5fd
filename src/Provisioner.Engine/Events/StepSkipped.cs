using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Events;

/// <summary>A step did not run because something it depends on failed, or because the run was stopped.</summary>
public sealed record StepSkipped(DateTimeOffset Time, string Address, ChangeAction Step, string Reason) : EngineEvent(Time);
