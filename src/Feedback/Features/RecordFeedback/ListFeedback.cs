using System.Globalization;
using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.RecordFeedback;

public static class ListFeedback
{
    public static RouteHandlerBuilder MapListFeedback(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListFeedback");

    /// <summary>Feedback items, newest first; a branch-restricted key sees its own branch's only.</summary>
    /// <param name="kind">Only items of this kind: rating, compliment, suggestion, complaint or question.</param>
    /// <param name="from">Only items from customer or staff.</param>
    /// <param name="branch">Only items given at this branch.</param>
    /// <param name="tag">Only items carrying this tag (normalised as tags are stored).</param>
    /// <param name="aboutType">Only items about a branch, product, service or staffMember.</param>
    /// <param name="receivedFrom">Only items received at or after this time (ISO 8601).</param>
    /// <param name="receivedTo">Only items received before this time (ISO 8601).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<FeedbackPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        FeedbackDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? kind = null,
        string? from = null,
        string? branch = null,
        string? tag = null,
        string? aboutType = null,
        string? receivedFrom = null,
        string? receivedTo = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var kindFilter = ReadEnum<FeedbackKind>(kind, "kind", errors);
        var fromFilter = ReadEnum<FeedbackFrom>(from, "from", errors);
        var aboutFilter = ReadEnum<FeedbackAboutType>(aboutType, "aboutType", errors);
        var since = ReadTime(receivedFrom, "receivedFrom", errors);
        var until = ReadTime(receivedTo, "receivedTo", errors);
        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > 50 })
        {
            errors["branch"] = ["A branch code of 1 to 50 characters."];
        }

        var tagFilter = tag is null ? null : FeedbackTags.Normalise(tag);
        if (tag is not null && tagFilter is not { Length: > 0 and <= FeedbackTags.MaxLength })
        {
            errors["tag"] = [$"A tag of 1 to {FeedbackTags.MaxLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (branchCode is not null && !tenant.MayActFor(branchCode))
        {
            return Problems.OtherBranch(branchCode);
        }

        branchCode ??= tenant.Branch;
        var query = db.FeedbackItems.AsNoTracking();
        if (branchCode is not null)
        {
            query = query.Where(item => item.Branch == branchCode);
        }

        if (kindFilter is { } k)
        {
            query = query.Where(item => item.Kind == k);
        }

        if (fromFilter is { } f)
        {
            query = query.Where(item => item.From == f);
        }

        if (aboutFilter is { } a)
        {
            query = query.Where(item => item.AboutType == a);
        }

        if (tagFilter is not null)
        {
            // Written as containment so Npgsql emits "tags @> ARRAY[...]", which the GIN index on tags serves.
            string[] wanted = [tagFilter];
            query = query.Where(item => wanted.All(t => item.Tags.Contains(t)));
        }

        if (since is { } start)
        {
            query = query.Where(item => item.ReceivedAt >= start);
        }

        if (until is { } end)
        {
            query = query.Where(item => item.ReceivedAt < end);
        }

        if (after is { } position)
        {
            query = query.Where(item => EF.Functions.LessThan(ValueTuple.Create(item.ReceivedAt, item.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(item => item.ReceivedAt)
            .ThenByDescending(item => item.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].ReceivedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new FeedbackPageResponse([.. page.Select(FeedbackResponse.Of)], nextCursor));
    }

    // By their wire names only ("staffMember"), so numbers and C# names are not a second spelling clients come to rely on.
    private static TEnum? ReadEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireNames.Of(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        errors[field] = [$"One of: {string.Join(", ", Enum.GetValues<TEnum>().Select(candidate => WireNames.Of(candidate)))}."];
        return null;
    }

    private static DateTimeOffset? ReadTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = ["An ISO 8601 time such as 2026-11-01T00:00:00Z."];
        return null;
    }
}
