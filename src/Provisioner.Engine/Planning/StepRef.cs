using Provisioner.Engine.Addresses;

namespace Provisioner.Engine.Planning;

/// <summary>One apply step of an instance: its delete step when <paramref name="Delete"/>, else its create or update step.</summary>
public readonly record struct StepRef(ResourceInstanceAddress Address, bool Delete)
{
    public override string ToString() => $"{Address} {(Delete ? "delete" : "create/update")}";
}
