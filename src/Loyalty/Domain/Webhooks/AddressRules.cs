using System.Net;
using System.Net.Sockets;

namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach unless the business allows private networks: anything that is not a
/// public unicast address, so a subscription cannot be aimed at the platform's own network (SSRF). IPv4-mapped
/// IPv6 addresses are judged as the IPv4 address they carry.
/// </summary>
public static class AddressRules
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 // "this network", unspecified
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.IPv6Loopback)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xfe) == 0xfc // unique local fc00::/7
            || address.IsIPv6Teredo
            || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64 can reach private IPv4
            || IsV4Compatible(b));
    }

    private static bool IsV4Compatible(byte[] b) => b.Take(12).All(part => part == 0);
}
