using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>
/// Where a keyset page ended: the last item's sort key and id. Opaque to clients (base64url), so its layout can
/// change without breaking them.
/// </summary>
public readonly record struct PageCursor(string Key, Guid Id)
{
    public const int MaxLength = 512;

    /// <summary>A cursor for lists ordered by a time, then id.</summary>
    public static PageCursor At(DateTimeOffset time, Guid id) => new(time.UtcTicks.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>The time of a cursor made by <see cref="At"/>; false when the key is not one.</summary>
    public bool TryGetTime(out DateTimeOffset time)
    {
        time = default;
        if (!long.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Id:N}{Key}"));

    /// <summary>Reads a cursor this API issued; false for anything else.</summary>
    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (text is null || text.Length > MaxLength || !Base64Url.IsValid(text, out var length) || length < 32)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (decoded.Length < 32 || !Guid.TryParseExact(decoded.AsSpan(0, 32), "N", out var id))
        {
            return false;
        }

        cursor = new PageCursor(decoded[32..], id);
        return true;
    }
}

/// <summary>
/// The <c>limit</c> and <c>cursor</c> every keyset list takes, read from strings so a bad value is a validation error
/// naming the parameter rather than a binding failure.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page size: the default when absent, capped at <see cref="MaxLimit"/>.</summary>
    public static int ReadLimit(string? limit, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return DefaultLimit;
        }

        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            errors["limit"] = [$"A whole number from 1 to {MaxLimit}."];
            return DefaultLimit;
        }

        return Math.Min(value, MaxLimit);
    }

    /// <summary>The position after which the page starts, or null for the first page.</summary>
    public static PageCursor? ReadCursor(string? cursor, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (PageCursor.TryDecode(cursor, out var after))
        {
            return after;
        }

        errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
        return null;
    }

    /// <summary>The position of a list ordered by time then id, or null for the first page.</summary>
    public static (DateTimeOffset At, Guid Id)? ReadTimeCursor(string? cursor, IDictionary<string, string[]> errors)
    {
        if (ReadCursor(cursor, errors) is not { } after)
        {
            return null;
        }

        if (after.TryGetTime(out var time))
        {
            return (time, after.Id);
        }

        errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
        return null;
    }
}
