using System.Globalization;
using System.Numerics;
using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// An IP network (address and prefix length) parsed and printed like Go's <c>net</c> package as Terraform's
/// <c>ipaddr</c> fork has it (IPv4 octets with leading zeros are read as decimal).
/// </summary>
internal readonly record struct IpNetworkPrefix(BigInteger Address, int Bits, int PrefixLength)
{
    public bool IsIPv4 => Bits == 32;

    public BigInteger Size => BigInteger.One << (Bits - PrefixLength);

    /// <summary>The first address of the network (host bits cleared).</summary>
    public BigInteger First => Address & ~(Size - 1) & Max(Bits);

    public BigInteger Last => First + Size - 1;

    public static BigInteger Max(int bits) => (BigInteger.One << bits) - 1;

    /// <summary>Go's <c>ParseCIDR</c>: the network (address masked), or null; errors read <c>invalid CIDR address: TEXT</c>.</summary>
    public static IpNetworkPrefix? ParseCidr(string s)
    {
        int slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var addr = s[..slash];
        var mask = s[(slash + 1)..];
        int bits = 32;
        var ip = ParseIPv4(addr);
        if (ip is null)
        {
            bits = 128;
            ip = ParseIPv6(addr);
        }

        if (ip is null || mask.Length == 0 || !mask.All(char.IsAsciiDigit) || mask.Length > 8)
        {
            return null;
        }

        int n = int.Parse(mask, NumberStyles.None, CultureInfo.InvariantCulture);
        if (n > bits)
        {
            return null;
        }

        var net = new IpNetworkPrefix(ip.Value, bits, n);
        return net with { Address = net.First };
    }

    /// <summary>Go's <c>ParseIP</c>: (address, bits) or null.</summary>
    public static (BigInteger Address, int Bits)? ParseIP(string s)
    {
        if (ParseIPv4(s) is { } v4)
        {
            return (v4, 32);
        }

        return ParseIPv6(s) is { } v6 ? (v6, 128) : null;
    }

    private static BigInteger? ParseIPv4(string s)
    {
        var parts = s.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        BigInteger v = 0;
        foreach (var p in parts)
        {
            if (p.Length == 0 || p.Length > 6 || !p.All(char.IsAsciiDigit))
            {
                return null;
            }

            int n = int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture);
            if (n > 255)
            {
                return null;
            }

            v = (v << 8) | n;
        }

        return v;
    }

    private static BigInteger? ParseIPv6(string s)
    {
        if (s.Length < 2)
        {
            return null;
        }

        var groups = new List<int>();
        int ellipsis = -1;
        int i = 0;
        if (s.StartsWith("::", StringComparison.Ordinal))
        {
            ellipsis = 0;
            i = 2;
            if (i == s.Length)
            {
                return 0;
            }
        }

        while (i < s.Length)
        {
            // Hex group, or an embedded IPv4 address at the end.
            int j = i;
            while (j < s.Length && char.IsAsciiHexDigit(s[j]) && j - i < 5)
            {
                j++;
            }

            if (j < s.Length && s[j] == '.')
            {
                if (ellipsis < 0 && groups.Count != 6)
                {
                    return null;
                }

                if (groups.Count + 2 > 8)
                {
                    return null;
                }

                var v4 = ParseIPv4(s[i..]);
                if (v4 is null)
                {
                    return null;
                }

                groups.Add((int)(v4.Value >> 16));
                groups.Add((int)(v4.Value & 0xffff));
                i = s.Length;
                break;
            }

            if (j == i || j - i > 4)
            {
                return null;
            }

            groups.Add(int.Parse(s.AsSpan(i, j - i), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            i = j;
            if (i == s.Length)
            {
                break;
            }

            if (s[i] != ':' || i + 1 == s.Length)
            {
                return null;
            }

            i++;
            if (s[i] == ':')
            {
                if (ellipsis >= 0)
                {
                    return null;
                }

                ellipsis = groups.Count;
                i++;
                if (i == s.Length)
                {
                    break;
                }
            }

            if (groups.Count >= 8)
            {
                return null;
            }
        }

        if (ellipsis >= 0)
        {
            if (groups.Count >= 8)
            {
                return null;
            }

            groups.InsertRange(ellipsis, Enumerable.Repeat(0, 8 - groups.Count));
        }
        else if (groups.Count != 8)
        {
            return null;
        }

        BigInteger v = 0;
        foreach (var g in groups)
        {
            v = (v << 16) | g;
        }

        return v;
    }

    /// <summary>Go's <c>IP.String</c>.</summary>
    public static string FormatIP(BigInteger address, int bits)
    {
        if (bits == 32)
        {
            return FormatIPv4(address);
        }

        // IPv4-mapped IPv6 addresses print in dotted form.
        if (address >> 32 == 0xffff)
        {
            return FormatIPv4(address & 0xffffffff);
        }

        var groups = new int[8];
        for (int k = 0; k < 8; k++)
        {
            groups[k] = (int)((address >> (16 * (7 - k))) & 0xffff);
        }

        int bestStart = -1, bestLen = 0;
        for (int k = 0; k < 8;)
        {
            if (groups[k] != 0)
            {
                k++;
                continue;
            }

            int start = k;
            while (k < 8 && groups[k] == 0)
            {
                k++;
            }

            if (k - start > bestLen && k - start >= 2)
            {
                bestStart = start;
                bestLen = k - start;
            }
        }

        var sb = new StringBuilder();
        for (int k = 0; k < 8; k++)
        {
            if (k == bestStart)
            {
                sb.Append("::");
                k += bestLen - 1;
                continue;
            }

            if (k > 0 && !(bestStart >= 0 && k == bestStart + bestLen))
            {
                sb.Append(':');
            }

            sb.Append(groups[k].ToString("x", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string FormatIPv4(BigInteger a) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)((a >> 24) & 255)}.{(int)((a >> 16) & 255)}.{(int)((a >> 8) & 255)}.{(int)(a & 255)}");

    /// <summary>Go's <c>IPNet.String</c>: <c>address/prefix</c>.</summary>
    public override string ToString() => FormatIP(Address, Bits) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
}
