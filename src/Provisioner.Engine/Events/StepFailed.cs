using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Engine.Events;

/// <summary>A step failed; its dependants will be skipped.</summary>
public sealed record StepFailed(DateTimeOffset Time, string Address, ChangeAction Step, DiagnosticList Diagnostics) : EngineEvent(Time);
