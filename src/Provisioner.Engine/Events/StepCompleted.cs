using Provisioner.Engine.Planning;

namespace Provisioner.Engine.Events;

/// <summary>A step finished successfully (<c>Creation complete after 2s [id=m-1]</c>).</summary>
public sealed record StepCompleted(DateTimeOffset Time, string Address, ChangeAction Step, string? Id, TimeSpan Elapsed) : EngineEvent(Time);
