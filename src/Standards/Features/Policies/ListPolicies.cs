using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

public static class ListPolicies
{
    public static RouteHandlerBuilder MapListPolicies(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListPolicies");

    /// <summary>The business's policies, oldest first.</summary>
    /// <param name="area">Only this area's policies.</param>
    /// <param name="status">draft, published or retired.</param>
    /// <param name="reviewOverdue">true: only policies in force whose review due date has passed; false: only the others.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<PolicyPageResponse>, ValidationProblem>> HandleAsync(
        StandardsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? area = null,
        string? status = null,
        string? reviewOverdue = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (area is not null && !Slugs.IsValid(area))
        {
            errors["area"] = [Slugs.Rule];
        }

        PolicyStatus? wantedStatus = null;
        if (status is not null)
        {
            wantedStatus = Enum.GetValues<PolicyStatus>()
                .Cast<PolicyStatus?>()
                .FirstOrDefault(candidate => string.Equals(candidate.ToString(), status, StringComparison.OrdinalIgnoreCase));
            if (wantedStatus is null)
            {
                errors["status"] = ["One of draft, published, retired."];
            }
        }

        bool? overdue = null;
        if (reviewOverdue is not null)
        {
            if (bool.TryParse(reviewOverdue, out var parsed))
            {
                overdue = parsed;
            }
            else
            {
                errors["reviewOverdue"] = ["true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var today = PolicyEndpoints.Today(clock);
        var query = db.Policies.AsNoTracking();
        if (area is not null)
        {
            query = query.Where(policy => policy.Area == area);
        }

        if (wantedStatus is { } wanted)
        {
            query = query.Where(policy => policy.Status == wanted);
        }

        if (overdue is { } isOverdue)
        {
            query = isOverdue
                ? query.Where(policy => policy.ReviewDueDate != null && policy.ReviewDueDate < today)
                : query.Where(policy => policy.ReviewDueDate == null || policy.ReviewDueDate >= today);
        }

        if (after is { } position)
        {
            query = query.Where(policy =>
                EF.Functions.GreaterThan(ValueTuple.Create(policy.CreatedAt, policy.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(policy => policy.CreatedAt).ThenBy(policy => policy.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new PolicyPageResponse([.. page.Select(policy => PolicyResponse.From(policy, today))], nextCursor));
    }
}
