namespace Provisioner.Engine.Execution;

/// <summary>What one executor step does (a replacement is a create step and a delete step).</summary>
internal enum StepPhase
{
    Create,
    Update,
    Delete,
    Read,
}
