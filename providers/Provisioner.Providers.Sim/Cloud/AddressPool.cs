namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// Host addresses of one network: index 0 (network) and 1 (gateway) and the last (broadcast) are reserved.
/// Allocation walks forward from the highest index handed out so far (O(1)); only when the end of the block is
/// reached does it search for a freed address.
/// </summary>
internal sealed class AddressPool(Ipv4Cidr cidr)
{
    private const long FirstHost = 2;
    private readonly HashSet<long> _used = [];
    private long _next = FirstHost;

    public Ipv4Cidr Cidr { get; } = cidr;

    public string? Allocate()
    {
        var last = Cidr.Size - 2;
        while (_next <= last && _used.Contains(_next))
            _next++;
        if (_next <= last)
            return Cidr.AddressAt(_next);
        for (var i = FirstHost; i <= last; i++)
        {
            if (!_used.Contains(i))
                return Cidr.AddressAt(i);
        }
        return null;
    }

    public void MarkUsed(string address)
    {
        var i = Cidr.IndexOf(address);
        if (i < 0)
            return;
        _used.Add(i);
        if (i >= _next)
            _next = i + 1;
    }

    public void Release(string address)
    {
        var i = Cidr.IndexOf(address);
        if (i >= 0)
            _used.Remove(i);
    }
}
