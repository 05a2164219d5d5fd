namespace Provisioner.Engine.Planning;

/// <summary>What kind of plan: converge on the configuration, destroy everything, or only record drift.</summary>
public enum PlanMode
{
    Normal,
    Destroy,
    RefreshOnly,
}
