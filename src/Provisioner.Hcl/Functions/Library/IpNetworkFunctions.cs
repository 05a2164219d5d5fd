using System.Numerics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The IP network functions of the standard library: <c>cidrhost</c>, <c>cidrnetmask</c>,
/// <c>cidrsubnet</c>, <c>cidrsubnets</c> and <c>cidrcontains</c>, for IPv4 and IPv6.</summary>
/// <remarks>As in Terraform, only <c>cidrsubnets</c> blames a particular argument in its errors.</remarks>
internal static class IpNetworkFunctions
{
    private const string WholeNumber = "value must be a whole number";
    private const string WholeInt = "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield return CidrHost();
        yield return CidrNetmask();
        yield return CidrSubnet();
        yield return CidrSubnets();
        yield return CidrContains();
    }

    private static bool TryBig(HclValue v, out BigInteger value)
    {
        value = default;
        var n = v.AsNumber();
        return n.IsInteger && n.TryToBigInteger(out value);
    }

    private static bool TryInt(HclValue v, out long value)
    {
        value = 0;
        var n = v.AsNumber();
        return n.IsInteger && n.TryToLong(out value);
    }

    private static string InvalidCidr(string s) => "invalid CIDR expression: invalid CIDR address: " + s;

    private static HclFunction CidrHost() => new(
        "cidrhost",
        [new FunctionParameter("prefix", HclType.String), new FunctionParameter("hostnum", HclType.Number)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            if (!TryBig(args[1], out var hostNum))
            {
                return FunctionResult.Fail(WholeNumber);
            }

            var prefix = args[0].AsString();
            if (IpNetworkPrefix.ParseCidr(prefix) is not { } net)
            {
                return FunctionResult.Fail(InvalidCidr(prefix));
            }

            var max = net.Size - 1;
            var num = hostNum.Sign < 0 ? max + hostNum + 1 : hostNum;
            if (num > max || num.Sign < 0)
            {
                return FunctionResult.Fail($"prefix of {net.PrefixLength} does not accommodate a host numbered {hostNum}");
            }

            return HclValue.String(IpNetworkPrefix.FormatIP(net.First | num, net.Bits));
        },
        "Calculates a full host IP address within a given IP network address prefix.");

    private static HclFunction CidrNetmask() => new(
        "cidrnetmask",
        [new FunctionParameter("prefix", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var prefix = args[0].AsString();
            if (IpNetworkPrefix.ParseCidr(prefix) is not { } net)
            {
                return FunctionResult.Fail(InvalidCidr(prefix));
            }

            if (!net.IsIPv4)
            {
                return FunctionResult.Fail("IPv6 addresses cannot have a netmask: " + prefix);
            }

            var mask = IpNetworkPrefix.Max(32) ^ (net.Size - 1);
            return HclValue.String(IpNetworkPrefix.FormatIP(mask, 32));
        },
        "Converts an IPv4 address prefix given in CIDR notation into a subnet mask address.");

    private static HclFunction CidrSubnet() => new(
        "cidrsubnet",
        [
            new FunctionParameter("prefix", HclType.String),
            new FunctionParameter("newbits", HclType.Number),
            new FunctionParameter("netnum", HclType.Number),
        ],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            if (!TryInt(args[1], out var newbits))
            {
                return FunctionResult.Fail(WholeInt);
            }

            if (!TryBig(args[2], out var netnum))
            {
                return FunctionResult.Fail(WholeNumber);
            }

            var prefix = args[0].AsString();
            if (IpNetworkPrefix.ParseCidr(prefix) is not { } net)
            {
                return FunctionResult.Fail(InvalidCidr(prefix));
            }

            long newLen = net.PrefixLength + newbits;
            if (newLen > net.Bits || newLen < 0)
            {
                return FunctionResult.Fail($"insufficient address space to extend prefix of {net.PrefixLength} by {newbits}");
            }

            var maxNet = newbits > 0 ? (BigInteger.One << (int)newbits) - 1 : BigInteger.Zero;
            if (netnum.Sign < 0 || netnum > maxNet)
            {
                return FunctionResult.Fail($"prefix extension of {newbits} does not accommodate a subnet numbered {netnum}");
            }

            var address = net.Address | (netnum << (net.Bits - (int)newLen));
            return HclValue.String(new IpNetworkPrefix(address, net.Bits, (int)newLen).ToString());
        },
        "Calculates a subnet address within a given IP network address prefix.");

    private static HclFunction CidrSubnets() => new(
        "cidrsubnets",
        [new FunctionParameter("prefix", HclType.String)],
        new FunctionParameter("newbits", HclType.Number),
        HclFunction.Returns(HclType.List(HclType.String)),
        (args, _) =>
        {
            var prefix = args[0].AsString();
            if (IpNetworkPrefix.ParseCidr(prefix) is not { } net)
            {
                return FunctionResult.Fail(InvalidCidr(prefix), 0);
            }

            if (args.Count == 1)
            {
                return HclValue.ListOf(HclType.String);
            }

            if (!TryInt(args[1], out var firstLength))
            {
                return FunctionResult.Fail(WholeInt, 1);
            }

            var max = IpNetworkPrefix.Max(net.Bits);

            // Go's cidr.PreviousSubnet: the subnet of the first requested size just below the base address.
            int firstLen = (int)Math.Clamp(firstLength + net.PrefixLength, 0, net.Bits);
            var current = new IpNetworkPrefix(Mask((net.Address - 1) & max, firstLen, net.Bits), net.Bits, firstLen);
            var results = new List<HclValue>();
            for (int i = 1; i < args.Count; i++)
            {
                if (!TryInt(args[i], out var length))
                {
                    return FunctionResult.Fail(WholeInt, i);
                }

                if (length < 1)
                {
                    return FunctionResult.Fail("must extend prefix by at least one bit", i);
                }

                if (length > 32)
                {
                    return FunctionResult.Fail("may not extend prefix by more than 32 bits", i);
                }

                length += net.PrefixLength;
                if (length > net.Bits)
                {
                    return FunctionResult.Fail($"would extend prefix to {length} bits, which is too long for an {(net.IsIPv4 ? "IPv4" : "IPv6")} address", i);
                }

                // Go's cidr.NextSubnet.
                int len = (int)length;
                var currentLast = current.Last;
                var subnetOfLast = Mask(currentLast, len, net.Bits);
                var lastOfThat = subnetOfLast + (BigInteger.One << (net.Bits - len)) - 1;
                var nextAddr = (lastOfThat + 1) & max;
                bool rollover = nextAddr.IsZero;
                var next = new IpNetworkPrefix(Mask(nextAddr, len, net.Bits), net.Bits, len);
                if (rollover || next.Address < net.First || next.Address > net.Last)
                {
                    return FunctionResult.Fail($"not enough remaining address space for a subnet with a prefix of {length} bits after {current}", i);
                }

                current = next;
                results.Add(HclValue.String(current.ToString()));
            }

            return HclValue.List(results);
        },
        "Calculates a sequence of consecutive IP address ranges within a particular CIDR prefix.");

    private static BigInteger Mask(BigInteger address, int prefixLength, int bits)
    {
        var hostMask = (BigInteger.One << (bits - prefixLength)) - 1;
        return address & ~hostMask & IpNetworkPrefix.Max(bits);
    }

    private static HclFunction CidrContains() => new(
        "cidrcontains",
        [new FunctionParameter("containing_prefix", HclType.String), new FunctionParameter("contained_ip_or_prefix", HclType.String)],
        null,
        HclFunction.Returns(HclType.Bool),
        (args, _) =>
        {
            var prefix = args[0].AsString();
            var addr = args[1].AsString();
            if (IpNetworkPrefix.ParseCidr(prefix) is not { } containing)
            {
                return FunctionResult.Fail("invalid CIDR address: " + prefix);
            }

            BigInteger start, end;
            int bits;
            if (IpNetworkPrefix.ParseIP(addr) is { } ip)
            {
                (start, end, bits) = (ip.Address, ip.Address, ip.Bits);
            }
            else if (IpNetworkPrefix.ParseCidr(addr) is { } contained)
            {
                (start, end, bits) = (contained.First, contained.Last, contained.Bits);
            }
            else
            {
                return FunctionResult.Fail("invalid IP address or prefix: " + addr);
            }

            if (bits != containing.Bits)
            {
                return FunctionResult.Fail($"address family mismatch: {prefix} vs. {addr}");
            }

            return HclValue.Bool(start >= containing.First && end <= containing.Last);
        },
        "Determines whether a given IP address or address prefix is contained within another prefix.");
}
