using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Purchases;

/// <summary>Gives money back on a purchase.</summary>
/// <param name="Kind">refund (part or all of what remains) or void (the whole purchase cancelled; only while nothing was refunded).</param>
/// <param name="Reason">Why, in the staff member's words.</param>
/// <param name="Amount">How much, in the purchase's currency, at most 4 decimal places; all that remains when omitted. A void's amount, when given, must be the whole purchase.</param>
/// <param name="Branch">Code of the branch giving the money back; the purchase's branch when omitted.</param>
public sealed record RefundPurchaseRequest(
    [property: Required] RefundKind? Kind,
    [property: Required, StringLength(500, MinimumLength = 1)] string Reason,
    [property: Range(typeof(decimal), "0.0001", "1000000000")] decimal? Amount = null,
    [property: StringLength(50, MinimumLength = 1)] string? Branch = null);

public static class RefundPurchase
{
    public static void MapRefundPurchase(this RouteGroupBuilder group)
    {
        group.MapPost("/{customerId:guid}/purchases/{purchaseId:guid}/refunds", HandleAsync)
            .WithName("RefundPurchase")
            .WithIdempotency<CustomersDbContext>();
        group.MapGet("/{customerId:guid}/purchases/{purchaseId:guid}/refunds/{refundId:guid}", GetAsync).WithName("GetRefund");
    }

    /// <summary>
    /// 201 with the refund. 422 <c>refund-exceeds-purchase</c> when more than remains is asked for,
    /// <c>void-after-refund</c> when voiding a partly refunded purchase, <c>purchase-voided</c> after a void.
    /// A branch-restricted key may only refund its own branch's purchases.
    /// </summary>
    public static async Task<Results<Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        Guid purchaseId,
        RefundPurchaseRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Branch is not null && string.IsNullOrWhiteSpace(request.Branch))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["branch"] = ["Leave it out, or name the branch."] });
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Created<RefundResponse>, ValidationProblem, ProblemHttpResult>>(async () =>
        {
            // Under the idempotency filter the request already runs in its transaction; otherwise this one holds the lock.
            var ownTransaction = db.Database.CurrentTransaction is null;
            if (ownTransaction)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var purchase = await LockAsync(db, tenant.TenantId, customerId, purchaseId, cancellationToken);
            if (purchase is null)
            {
                return Problems.NotFound("purchase", purchaseId);
            }

            if (!tenant.MayActFor(purchase.Branch))
            {
                return Problems.OtherBranch(purchase.Branch);
            }

            if (request.Branch is { } branch && !tenant.MayActFor(branch))
            {
                return Problems.OtherBranch(branch);
            }

            var now = clock.GetUtcNow();
            var refund = purchase.Refund(request.Kind!.Value, request.Amount, request.Reason, request.Branch, now);
            db.PurchaseRefunds.Add(refund);
            db.EnqueueEvent(new PurchaseRefunded
            {
                TenantId = refund.TenantId,
                PurchaseId = purchase.Id,
                RefundId = refund.Id,
                CustomerId = purchase.CustomerId,
                Branch = refund.Branch,
                Amount = refund.Amount,
                Currency = purchase.Currency,
                Kind = WireNames.Of(refund.Kind),
                RemainingAmount = refund.RemainingAmount,
                OccurredAt = refund.OccurredAt,
            }, now);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return TypedResults.Created(
                $"/api/v1/customers/{customerId}/purchases/{purchaseId}/refunds/{refund.Id}", RefundResponse.From(refund));
        });
    }

    public static async Task<Results<Ok<RefundResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid purchaseId, Guid refundId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var refund = await db.PurchaseRefunds.AsNoTracking()
            .FirstOrDefaultAsync(refund => refund.Id == refundId && refund.PurchaseId == purchaseId && refund.CustomerId == customerId, cancellationToken);
        return refund is null ? Problems.NotFound("refund", refundId) : TypedResults.Ok(RefundResponse.From(refund));
    }

    // Concurrent refunds of one purchase queue on its row lock, so each is checked against what the previous left.
    private static async Task<Purchase?> LockAsync(
        CustomersDbContext db, Guid tenantId, Guid customerId, Guid purchaseId, CancellationToken cancellationToken)
    {
        var locked = await db.Purchases
            .FromSql($"SELECT * FROM purchases WHERE tenant_id = {tenantId} AND id = {purchaseId} AND customer_id = {customerId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.SingleOrDefault();
    }
}
