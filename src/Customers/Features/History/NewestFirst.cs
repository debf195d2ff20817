using CustomerPlatform.ServiceDefaults.Http;

namespace CustomerPlatform.Customers.Features.History;

/// <summary>
/// The checked page of a newest-first history list (purchases, visits): sorted by when things happened, then id,
/// so the cursor's key is the last item's time.
/// </summary>
public readonly record struct NewestFirst(int Limit, DateTimeOffset? AfterTime, Guid AfterId)
{
    /// <summary>The page asked for; false with errors naming <c>limit</c> or <c>cursor</c>.</summary>
    public static bool TryCheck(string? limit, string? cursor, out NewestFirst page, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var checkedLimit = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        page = new NewestFirst(checkedLimit, after?.At, after?.Id ?? Guid.Empty);
        return errors.Count == 0;
    }

    /// <summary>The cursor of the page that starts after the item at <paramref name="occurredAt"/> with <paramref name="id"/>.</summary>
    public static string CursorAfter(DateTimeOffset occurredAt, Guid id) => PageCursor.At(occurredAt, id).Encode();
}

/// <summary>A page of a list, newest first; <paramref name="NextCursor"/> is null (left out) on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
