using System.Globalization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The inventory replayed into memory: live objects, idempotency tokens, id counters, address pools.</summary>
internal sealed partial class InventoryModel
{
    /// <summary>The pool of machines created without a network.</summary>
    public static readonly Ipv4Cidr DefaultPool = Ipv4Cidr.TryParse("10.0.0.0/16", out _)!.Value;

    private const string DefaultPoolKey = "";

    public Dictionary<string, SimMachine> Machines { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimNetwork> Networks { get; } = new(StringComparer.Ordinal);

    /// <summary>Idempotency token → the request it carried.</summary>
    public Dictionary<string, (string Op, string Kind, string Id)> Tokens { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, AddressPool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _machinesPerNetwork = new(StringComparer.Ordinal);
    private long _lastMachine;
    private long _lastNetwork;

    public string NextMachineId() => "m-" + (_lastMachine + 1).ToString("x8", CultureInfo.InvariantCulture);

    public string NextNetworkId() => "net-" + (_lastNetwork + 1).ToString("x8", CultureInfo.InvariantCulture);

    public int MachinesOn(string networkId) => _machinesPerNetwork.GetValueOrDefault(networkId);

    /// <summary>A free address in the machine's network (or the default pool); null when the block is full.</summary>
    public string? AllocateAddress(string? networkId) => Pool(networkId)?.Allocate();

    public void Apply(InventoryRecord r)
    {
        if (r.Token is { } token)
            Tokens[token] = (r.Op, r.Kind, r.Id);
        switch (r.Kind)
        {
            case "machine":
                ApplyMachine(r);
                break;
            case "network":
                ApplyNetwork(r);
                break;
            case "load_balancer":
                ApplyLoadBalancer(r);
                break;
            default:
                // A kind written by a newer version: not ours to interpret.
                break;
        }
    }

    private void ApplyMachine(InventoryRecord r)
    {
        _lastMachine = Math.Max(_lastMachine, Counter(r.Id, "m-"));
        if (Machines.Remove(r.Id, out var old))
        {
            Pool(old.NetworkId)?.Release(old.Address);
            if (old.NetworkId is { } n)
                _machinesPerNetwork[n]--;
        }
        if (r.Op != "delete" && r.Machine is { } m)
        {
            Machines[r.Id] = m;
            Pool(m.NetworkId)?.MarkUsed(m.Address);
            if (m.NetworkId is { } n)
                _machinesPerNetwork[n] = _machinesPerNetwork.GetValueOrDefault(n) + 1;
        }
    }

    private void ApplyNetwork(InventoryRecord r)
    {
        _lastNetwork = Math.Max(_lastNetwork, Counter(r.Id, "net-"));
        if (r.Op == "delete")
        {
            Networks.Remove(r.Id);
            _pools.Remove(r.Id);
            return;
        }
        if (r.Network is { } n)
            Networks[r.Id] = n;
    }

    private AddressPool? Pool(string? networkId)
    {
        var key = networkId ?? DefaultPoolKey;
        if (_pools.TryGetValue(key, out var pool))
            return pool;
        Ipv4Cidr cidr;
        if (networkId is null)
            cidr = DefaultPool;
        else if (Networks.TryGetValue(networkId, out var n) && Ipv4Cidr.TryParse(n.Cidr, out _) is { } c)
            cidr = c;
        else
            return null;
        pool = new AddressPool(cidr);
        _pools[key] = pool;
        // Addresses already in use (machines replayed before the pool was first needed).
        foreach (var m in Machines.Values)
        {
            if (m.NetworkId == networkId)
                pool.MarkUsed(m.Address);
        }
        return pool;
    }

    private static long Counter(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
