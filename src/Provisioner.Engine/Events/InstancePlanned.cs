using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Events;

/// <summary>The planner decided one instance's change.</summary>
public sealed record InstancePlanned(DateTimeOffset Time, ResourceInstanceChange Change) : EngineEvent(Time);
