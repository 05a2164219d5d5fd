namespace Provisioner.Engine.Events;

/// <summary>Refreshing one resource's instances finished.</summary>
public sealed record RefreshCompleted(DateTimeOffset Time, string Resource, int Instances, TimeSpan Elapsed) : EngineEvent(Time);
