namespace Provisioner.Engine.Events;

/// <summary>Discards events.</summary>
public sealed class NullEngineEvents : IEngineEvents
{
    public static NullEngineEvents Instance { get; } = new();

    public void Emit(EngineEvent e)
    {
    }
}
