namespace Provisioner.Engine.Events;

/// <summary>Refreshing the recorded instances of one resource began.</summary>
public sealed record RefreshStarted(DateTimeOffset Time, string Resource, int Instances) : EngineEvent(Time);
