using System.Buffers.Binary;
using System.Buffers.Text;

namespace CustomerPlatform.Customers.Features.Paging;

/// <summary>
/// Where a page of a newest-first list ended: the last item's time and id. Opaque to clients (base64url of the
/// ticks and the id), so its layout can change without breaking them.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset OccurredAt, Guid Id)
{
    private const int Length = sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, OccurredAt.UtcTicks);
        Id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor this API issued; false for anything else.</summary>
    public static bool TryDecode(string text, out KeysetCursor cursor)
    {
        cursor = default;
        if (text.Length > 64 || !Base64Url.IsValid(text, out var decodedLength) || decodedLength != Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        Base64Url.DecodeFromChars(text, bytes);
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[sizeof(long)..], bigEndian: true));
        return true;
    }
}
