using Provisioner.Engine.Addresses;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The step of <paramref name="Address"/> (its delete step when <paramref name="Delete"/>, else its create or update
/// step) runs after the step of <paramref name="After"/> (its delete step when <paramref name="AfterDelete"/>). An
/// entry naming a step the plan does not have is ignored.
/// </summary>
public sealed record StepOrder(ResourceInstanceAddress Address, bool Delete, ResourceInstanceAddress After, bool AfterDelete)
{
    public override string ToString() =>
        $"{Address} {(Delete ? "delete" : "create/update")} after {After} {(AfterDelete ? "delete" : "create/update")}";
}
