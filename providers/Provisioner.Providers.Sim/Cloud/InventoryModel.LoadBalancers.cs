using System.Globalization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Load balancers in the replayed inventory.</summary>
internal sealed partial class InventoryModel
{
    private long _lastLoadBalancer;

    /// <summary>Load balancers by id; each one's <see cref="SimLoadBalancer.Targets"/> is a <see cref="SimLbTargets"/>
    /// tree, replaced (not changed) by each registration, so a load balancer read under the lock stays valid after.</summary>
    public Dictionary<string, SimLoadBalancer> LoadBalancers { get; } = new(StringComparer.Ordinal);

    public string NextLoadBalancerId() => "lb-" + (_lastLoadBalancer + 1).ToString("x8", CultureInfo.InvariantCulture);

    private void ApplyLoadBalancer(InventoryRecord r)
    {
        _lastLoadBalancer = Math.Max(_lastLoadBalancer, Counter(r.Id, "lb-"));
        switch (r.Op)
        {
            case "delete":
                LoadBalancers.Remove(r.Id);
                break;
            case "register" or "deregister" when r.LoadBalancer is { } whole:
                // The old form: the whole load balancer after the change.
                LoadBalancers[r.Id] = whole with { Targets = SimLbTargets.Of(whole.Targets) };
                break;
            case "register":
                if (r.Target is { } target && LoadBalancers.TryGetValue(r.Id, out var lb))
                    LoadBalancers[r.Id] = lb with { Targets = SimLbTargets.Put(SimLbTargets.Of(lb.Targets), target) };
                break;
            case "deregister":
                if (r.Node is { } node && LoadBalancers.TryGetValue(r.Id, out var current))
                    LoadBalancers[r.Id] = current with { Targets = SimLbTargets.Remove(SimLbTargets.Of(current.Targets), node) };
                break;
            default:
                if (r.LoadBalancer is not { } header)
                    break;
                // A create or update: the targets registered stay (new records carry none; old ones the same).
                LoadBalancers[r.Id] = header with
                {
                    Targets = LoadBalancers.TryGetValue(r.Id, out var old) ? old.Targets : SimLbTargets.Of(header.Targets),
                };
                break;
        }
    }
}
