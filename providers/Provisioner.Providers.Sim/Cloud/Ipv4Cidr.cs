using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An IPv4 block such as <c>10.0.0.0/16</c>; machines get host addresses from it.</summary>
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>Shortest and longest prefixes the simulated cloud accepts (as most clouds do).</summary>
    public const int MinPrefix = 8;

    public const int MaxPrefix = 29;

    /// <summary>Number of addresses in the block.</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>Parses <c>a.b.c.d/n</c> with the host bits zero; null (and a reason) otherwise.</summary>
    public static Ipv4Cidr? TryParse(string text, out string error)
    {
        error = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var ip) || ip.AddressFamily != AddressFamily.InterNetwork
            || text.AsSpan(0, slash).Count('.') != 3
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            error = $"\"{text}\" is not an IPv4 CIDR block such as \"10.0.0.0/16\".";
            return null;
        }
        if (prefix < MinPrefix || prefix > MaxPrefix)
        {
            error = $"The prefix length of \"{text}\" must be between /{MinPrefix} and /{MaxPrefix}.";
            return null;
        }
        var b = ip.GetAddressBytes();
        var n = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        var mask = uint.MaxValue << (32 - prefix);
        if ((n & ~mask) != 0)
        {
            error = $"\"{text}\" has host bits set; the block starts at {Format(n & mask)}/{prefix}.";
            return null;
        }
        return new Ipv4Cidr(n, prefix);
    }

    /// <summary>The address at <paramref name="index"/> inside the block.</summary>
    public string AddressAt(long index) => Format(Network + (uint)index);

    /// <summary>The index of <paramref name="address"/> inside the block, or -1.</summary>
    public long IndexOf(string address)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            return -1;
        var b = ip.GetAddressBytes();
        var n = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        var offset = (long)n - Network;
        return offset >= 0 && offset < Size ? offset : -1;
    }

    public override string ToString() => $"{Format(Network)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private static string Format(uint n) =>
        string.Create(CultureInfo.InvariantCulture, $"{n >> 24}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
}
