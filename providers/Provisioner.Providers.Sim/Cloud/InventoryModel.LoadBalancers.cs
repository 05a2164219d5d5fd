using System.Globalization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Load balancers in the replayed inventory.</summary>
internal sealed partial class InventoryModel
{
    private long _lastLoadBalancer;

    public Dictionary<string, SimLoadBalancer> LoadBalancers { get; } = new(StringComparer.Ordinal);

    public string NextLoadBalancerId() => "lb-" + (_lastLoadBalancer + 1).ToString("x8", CultureInfo.InvariantCulture);

    private void ApplyLoadBalancer(InventoryRecord r)
    {
        _lastLoadBalancer = Math.Max(_lastLoadBalancer, Counter(r.Id, "lb-"));
        if (r.Op == "delete")
            LoadBalancers.Remove(r.Id);
        else if (r.LoadBalancer is { } lb)
            LoadBalancers[r.Id] = lb;
    }
}
