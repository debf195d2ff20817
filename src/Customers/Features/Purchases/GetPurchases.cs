using CustomerPlatform.Customers.Features.History;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Purchases;

/// <summary>A customer's purchases: the list, newest first, and one purchase with its lines and refunds.</summary>
public static class GetPurchases
{
    public static void MapGetPurchases(this RouteGroupBuilder group)
    {
        group.MapGet("/{customerId:guid}/purchases", ListAsync).WithName("ListPurchases");
        group.MapGet("/{customerId:guid}/purchases/{purchaseId:guid}", GetAsync).WithName("GetPurchase");
    }

    /// <summary>The customer's purchases, newest first (by when they happened), a page at a time.</summary>
    /// <param name="limit">Purchases per page, 1 to 200; 50 when omitted.</param>
    /// <param name="cursor">The nextCursor of the previous page; omit for the first.</param>
    public static async Task<Results<Ok<Page<PurchaseSummaryResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
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

        var query = db.Purchases.AsNoTracking().Where(purchase => purchase.CustomerId == customerId);
        if (page.AfterTime is { } afterTime)
        {
            query = query.Where(purchase =>
                EF.Functions.LessThan(ValueTuple.Create(purchase.OccurredAt, purchase.Id), ValueTuple.Create(afterTime, page.AfterId)));
        }

        var items = await query
            .OrderByDescending(purchase => purchase.OccurredAt)
            .ThenByDescending(purchase => purchase.Id)
            .Take(page.Limit + 1)
            .Select(purchase => new PurchaseSummaryResponse(
                purchase.Id,
                purchase.CustomerId,
                purchase.Branch,
                purchase.Amount,
                purchase.Currency,
                purchase.OccurredAt,
                purchase.Channel,
                purchase.ExternalReference,
                purchase.RefundedAmount,
                purchase.VoidedAt,
                purchase.Lines.Count))
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (items.Count > page.Limit)
        {
            items.RemoveAt(page.Limit);
            nextCursor = NewestFirst.CursorAfter(items[^1].OccurredAt, items[^1].Id);
        }

        return TypedResults.Ok(new Page<PurchaseSummaryResponse>(items, nextCursor));
    }

    public static async Task<Results<Ok<PurchaseResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid purchaseId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var purchase = await db.Purchases.AsNoTracking()
            .Include(purchase => purchase.Lines)
            .Include(purchase => purchase.Refunds)
            .AsSplitQuery()
            .FirstOrDefaultAsync(purchase => purchase.Id == purchaseId && purchase.CustomerId == customerId, cancellationToken);
        return purchase is null ? Problems.NotFound("purchase", purchaseId) : TypedResults.Ok(PurchaseResponse.From(purchase));
    }
}
