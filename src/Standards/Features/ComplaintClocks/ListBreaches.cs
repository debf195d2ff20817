using System.Globalization;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ComplaintClocks;

public sealed record BreachResponse(
    Guid Id, Guid StandardId, int StandardVersion, string Metric, string Branch, Guid ComplaintId, string Clock, DateTimeOffset DueAt, DateTimeOffset OccurredAt)
{
    public static BreachResponse From(StandardBreach breach) => new(
        breach.Id, breach.StandardId, breach.StandardVersion, breach.Metric, breach.Branch, breach.ComplaintId, WireNames.Of(breach.Clock),
        breach.DueAt, breach.OccurredAt);
}

public sealed record BreachPageResponse(IReadOnlyList<BreachResponse> Items, string? NextCursor);

public static class ListBreaches
{
    public static void MapListBreaches(this RouteGroupBuilder group) =>
        group.MapGet("/breaches", HandleAsync).WithName("ListBreaches")
            .WithSummary("Complaint clocks found past a standard's due time, in the order they were found.");

    /// <param name="branch">Only this branch's breaches; a key restricted to a branch sees only its own.</param>
    /// <param name="standardId">Only this standard's breaches.</param>
    /// <param name="from">Breaches found at or after this time (ISO 8601).</param>
    /// <param name="to">Breaches found before this time (ISO 8601).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<BreachPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StandardsDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? branch = null,
        string? standardId = null,
        string? from = null,
        string? to = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var since = ReadTime(from, "from", errors);
        var until = ReadTime(to, "to", errors);
        Guid? standard = null;
        if (standardId is not null)
        {
            if (Guid.TryParse(standardId, out var parsed))
            {
                standard = parsed;
            }
            else
            {
                errors["standardId"] = ["A standard's id (a UUID)."];
            }
        }

        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > 50 })
        {
            errors["branch"] = ["A branch code of 1 to 50 characters."];
        }

        if (since is not null && until is not null && since > until)
        {
            errors["from"] = ["'from' cannot be after 'to'."];
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
        var query = db.StandardBreaches.AsNoTracking();
        if (branchCode is not null)
        {
            query = query.Where(breach => breach.Branch == branchCode);
        }

        if (standard is { } id)
        {
            query = query.Where(breach => breach.StandardId == id);
        }

        if (since is { } start)
        {
            query = query.Where(breach => breach.OccurredAt >= start);
        }

        if (until is { } end)
        {
            query = query.Where(breach => breach.OccurredAt < end);
        }

        if (after is { } position)
        {
            query = query.Where(breach =>
                EF.Functions.GreaterThan(ValueTuple.Create(breach.OccurredAt, breach.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(breach => breach.OccurredAt).ThenBy(breach => breach.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].OccurredAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new BreachPageResponse([.. page.Select(BreachResponse.From)], nextCursor));
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
