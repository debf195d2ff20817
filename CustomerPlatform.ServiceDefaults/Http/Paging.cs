using System.Buffers.Text;
using System.Text;

namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>
/// Keyset paging: where a page ended (the last item's sort key and id), opaque to clients (base64url), so its layout
/// can change without breaking them; and the checked <c>limit</c>.
/// </summary>
public readonly record struct PageCursor(string Key, Guid Id)
{
    public const int MaxLength = 512;

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Id:N}{Key}"));

    /// <summary>Reads a cursor this API issued; false for anything else.</summary>
    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (text is null || text.Length > MaxLength || !Base64Url.IsValid(text, out var length) || length < 32)
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
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

/// <summary>The page size and cursor a list request asked for, checked: errors name <c>limit</c> or <c>cursor</c>.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int CheckLimit(int? limit, Dictionary<string, string[]> errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"A limit from 1 to {MaxLimit}."];
        }

        return limit ?? DefaultLimit;
    }

    public static PageCursor? CheckCursor(string? cursor, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
        {
            return null;
        }

        if (PageCursor.TryDecode(cursor, out var decoded))
        {
            return decoded;
        }

        errors["cursor"] = ["Not a cursor from this list; pass nextCursor from the previous page as it was."];
        return null;
    }
}
