namespace Provisioner.Engine.Events;

/// <summary>Something the engine did, for the CLI to render (human, <c>-json</c>, progress) and the journal to record.</summary>
/// <param name="Time">When it happened (from the engine's <see cref="TimeProvider"/>).</param>
public abstract record EngineEvent(DateTimeOffset Time);
