using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>An address block in CIDR notation (<c>10.0.0.0/8</c>, <c>fe80::/10</c>).</summary>
internal sealed class IpRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private IpRange(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        Family = family;
    }

    public AddressFamily Family { get; }

    public static bool TryParse(string text, out IpRange range)
    {
        range = null!;
        var slash = text.IndexOf('/');
        if (slash <= 0 ||
            !IPAddress.TryParse(text.Substring(0, slash), out var address) ||
            !int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (length > bytes.Length * 8)
        {
            return false;
        }

        range = new IpRange(bytes, length, address.AddressFamily);
        return true;
    }

    /// <summary>True when <paramref name="address"/> is in the block; IPv4-mapped IPv6 addresses are compared as IPv4.</summary>
    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Family)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var remaining = _prefixLength;
        for (var i = 0; i < bytes.Length && remaining > 0; i++, remaining -= 8)
        {
            var mask = remaining >= 8 ? 0xFF : (0xFF << (8 - remaining)) & 0xFF;
            if ((bytes[i] & mask) != (_network[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
