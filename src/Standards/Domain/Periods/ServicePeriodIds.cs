using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>
/// A period's id, derived from the business, the length and the start: the same while the period is open and once it
/// is closed, with no row to keep before the close (RFC 9562 version 8, name-based on SHA-256).
/// </summary>
public static class ServicePeriodIds
{
    public static Guid Of(Guid tenantId, PeriodLength length, DateOnly start)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"service-period:{tenantId:N}:{length}:{start:yyyy-MM-dd}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
