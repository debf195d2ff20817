using System.Globalization;

namespace CustomerPlatform.Customers.Features.Interactions;

/// <summary>
/// The list parameters every keyset list takes. Read from strings so a bad value is a validation error naming the
/// parameter, not a binding failure.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page size: the default when absent, capped at <see cref="MaxLimit"/>.</summary>
    public static int ReadLimit(string? limit, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
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
    public static KeysetCursor? ReadCursor(string? cursor, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
            return null;
        }

        return after;
    }
}
