using CustomerPlatform.Customers.Features.History;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.ServiceVisits;

/// <summary>A customer's service visits: the list, newest first, and one visit.</summary>
public static class GetServiceVisits
{
    public static void MapGetServiceVisits(this RouteGroupBuilder group)
    {
        group.MapGet("/{customerId:guid}/visits", ListAsync).WithName("ListServiceVisits");
        group.MapGet("/{customerId:guid}/visits/{visitId:guid}", GetAsync).WithName("GetServiceVisit");
    }

    /// <summary>The customer's service visits, newest first (by when they happened), a page at a time.</summary>
    /// <param name="limit">Visits per page, 1 to 200; 50 when omitted.</param>
    /// <param name="cursor">The nextCursor of the previous page; omit for the first.</param>
    public static async Task<Results<Ok<Page<ServiceVisitResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid customerId, CustomersDbContext db, CancellationToken cancellationToken, string? limit = null, string? cursor = null)
    {
        if (!NewestFirst.TryCheck(limit, cursor, out var page, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Customers.AnyAsync(customer => customer.Id == customerId, cancellationToken))
        {
            return Problems.NotFound("customer", customerId);
        }

        var query = db.ServiceVisits.AsNoTracking().Where(visit => visit.CustomerId == customerId);
        if (page.AfterTime is { } afterTime)
        {
            query = query.Where(visit =>
                EF.Functions.LessThan(ValueTuple.Create(visit.OccurredAt, visit.Id), ValueTuple.Create(afterTime, page.AfterId)));
        }

        var visits = await query
            .OrderByDescending(visit => visit.OccurredAt)
            .ThenByDescending(visit => visit.Id)
            .Take(page.Limit + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (visits.Count > page.Limit)
        {
            visits.RemoveAt(page.Limit);
            nextCursor = NewestFirst.CursorAfter(visits[^1].OccurredAt, visits[^1].Id);
        }

        return TypedResults.Ok(new Page<ServiceVisitResponse>([.. visits.Select(ServiceVisitResponse.From)], nextCursor));
    }

    public static async Task<Results<Ok<ServiceVisitResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid visitId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var visit = await db.ServiceVisits.AsNoTracking()
            .FirstOrDefaultAsync(visit => visit.Id == visitId && visit.CustomerId == customerId, cancellationToken);
        return visit is null ? Problems.NotFound("service visit", visitId) : TypedResults.Ok(ServiceVisitResponse.From(visit));
    }
}
