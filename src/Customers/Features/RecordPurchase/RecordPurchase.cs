using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.RecordPurchase;

/// <summary>Records a purchase.</summary>
/// <param name="Branch">Code of the branch where it was made.</param>
/// <param name="Amount">Total paid, above zero, at most 4 decimal places.</param>
/// <param name="Currency">ISO 4217 code, e.g. EUR.</param>
/// <param name="OccurredAt">When it happened (UTC); now when omitted.</param>
public sealed record RecordPurchaseRequest(
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Range(typeof(decimal), "0.0001", "1000000000")] decimal Amount,
    [property: Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "A three-letter ISO 4217 code, e.g. EUR.")] string Currency,
    DateTimeOffset? OccurredAt);

/// <summary>A recorded purchase.</summary>
public sealed record PurchaseResponse(Guid Id, Guid CustomerId, string Branch, decimal Amount, string Currency, DateTimeOffset OccurredAt)
{
    public static PurchaseResponse From(Purchase purchase) =>
        new(purchase.Id, purchase.CustomerId, purchase.Branch, purchase.Amount, purchase.Currency, purchase.OccurredAt);
}

public static class RecordPurchase
{
    public static void MapRecordPurchase(this RouteGroupBuilder group)
    {
        group.MapPost("/{customerId:guid}/purchases", HandleAsync).WithName("RecordPurchase").WithIdempotency<CustomersDbContext>();
        group.MapGet("/{customerId:guid}/purchases/{purchaseId:guid}", GetAsync).WithName("GetPurchase");
    }

    public static async Task<Results<Created<PurchaseResponse>, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        RecordPurchaseRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(customer => customer.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", customerId);
        }

        var now = clock.GetUtcNow();
        var purchase = Purchase.Record(customer, request.Branch, request.Amount, request.Currency, request.OccurredAt, now);
        db.Purchases.Add(purchase);
        db.EnqueueEvent(new PurchaseRecorded
        {
            TenantId = purchase.TenantId,
            PurchaseId = purchase.Id,
            CustomerId = purchase.CustomerId,
            Branch = purchase.Branch,
            Amount = purchase.Amount,
            Currency = purchase.Currency,
            OccurredAt = purchase.OccurredAt,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/v1/customers/{customerId}/purchases/{purchase.Id}", PurchaseResponse.From(purchase));
    }

    public static async Task<Results<Ok<PurchaseResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid purchaseId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var purchase = await db.Purchases.AsNoTracking()
            .FirstOrDefaultAsync(purchase => purchase.Id == purchaseId && purchase.CustomerId == customerId, cancellationToken);
        return purchase is null ? Problems.NotFound("purchase", purchaseId) : TypedResults.Ok(PurchaseResponse.From(purchase));
    }
}
