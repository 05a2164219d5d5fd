namespace Provisioner.Engine.Execution;

/// <summary>What one executor step does (a replacement is a create step and a delete step).</summary>
internal enum StepPhase
{
    Create,
    Update,
    Delete,
    Read,

    /// <summary>Records an object adopted by an <c>import</c> block (no provider call).</summary>
    Import,

    /// <summary>Drops an object from state without destroying it (a <c>removed</c> block with <c>destroy = false</c>).</summary>
    Forget,
}
