namespace CustomerPlatform.Customers.Features.Paging;

/// <summary>A list's <c>?limit=&amp;cursor=</c>, read as strings so a bad value is a 400 naming the field, not a binding failure.</summary>
public readonly record struct PageRequest(int Limit, KeysetCursor? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page asked for, or false with the errors by field; a limit above the cap is capped, not refused.</summary>
    public static bool TryParse(string? limit, string? cursor, out PageRequest page, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size < 1))
        {
            errors["limit"] = [$"A whole number from 1 to {MaxLimit}."];
        }

        KeysetCursor? after = null;
        if (cursor is not null)
        {
            if (KeysetCursor.TryDecode(cursor, out var decoded))
            {
                after = decoded;
            }
            else
            {
                errors["cursor"] = ["Not a cursor of this list: pass the nextCursor of a previous page unchanged."];
            }
        }

        page = new PageRequest(Math.Min(size, MaxLimit), after);
        return errors.Count == 0;
    }
}

/// <summary>A page of a list, newest first; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
