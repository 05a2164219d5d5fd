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

    /// <summary>
    /// Waits for every create, update or read step of one resource (no provider call): the steps that depend on a
    /// resource with many instances depend on its barrier instead of on each instance, so the apply graph has
    /// O(instances) edges instead of instances × dependants.
    /// </summary>
    Barrier,
}
