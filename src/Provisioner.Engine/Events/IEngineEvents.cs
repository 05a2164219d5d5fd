namespace Provisioner.Engine.Events;

/// <summary>Receives the engine's events. Implementations must be thread-safe: the executor emits from many tasks.</summary>
public interface IEngineEvents
{
    void Emit(EngineEvent e);
}
