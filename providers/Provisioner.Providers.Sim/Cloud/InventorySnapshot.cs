namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Everything in an inventory at one moment, sorted by id; what <c>provisioner sim inventory</c> prints.</summary>
/// <param name="SkippedLines">Log lines that could not be read (a torn last write of a killed process).</param>
public sealed record InventorySnapshot(
    IReadOnlyList<SimMachine> Machines,
    IReadOnlyList<SimNetwork> Networks,
    int SkippedLines)
{
    /// <summary>Load balancers with their targets, sorted by id.</summary>
    public IReadOnlyList<SimLoadBalancer> LoadBalancers { get; init; } = [];
}
