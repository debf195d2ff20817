using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Privacy;

/// <summary>
/// Erasing a customer: Customers anonymises its own data at once and asks the other services, over the bus, to do
/// the same; the request's status shows each service's part until all are done. Asking twice returns the same
/// request (erasure is idempotent by nature, so no Idempotency-Key is needed).
/// </summary>
public static class CustomerErasure
{
    public static void MapCustomerErasure(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/erasure", RequestAsync).WithName("RequestCustomerErasure");
        group.MapGet("/{id:guid}/erasure", GetAsync).WithName("GetCustomerErasure");
    }

    public static string LocationOf(Guid customerId) => $"/api/v1/customers/{customerId}/erasure";

    /// <summary>
    /// Erases the customer's personal data in every service (202; the Location shows progress). Amounts, counts and
    /// scores are kept, so aggregates do not change; the record stays as "Erased customer" and refuses changes.
    /// </summary>
    public static async Task<Results<Accepted<ErasureResponse>, ProblemHttpResult>> RequestAsync(
        Guid id, CustomersDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
            if (customer is null)
            {
                return (Results<Accepted<ErasureResponse>, ProblemHttpResult>)Problems.NotFound("customer", id);
            }

            var request = await db.ErasureRequests.AsNoTracking().FirstOrDefaultAsync(found => found.CustomerId == id, cancellationToken);
            if (request is null)
            {
                var now = clock.GetUtcNow();
                request = ErasureRequest.Start(customer.TenantId, customer.Id, now);
                customer.Erase(now);
                await CustomerDataEraser.EraseHistoryAsync(db, customer.Id, cancellationToken);
                db.ErasureRequests.Add(request);
                db.EnqueueEvent(new CustomerErasureRequested
                {
                    TenantId = customer.TenantId,
                    ErasureId = request.Id,
                    CustomerId = customer.Id,
                    OccurredAt = now,
                }, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return TypedResults.Accepted(LocationOf(id), ErasureResponse.From(request));
        });

    /// <summary>The customer's erasure request with each service's part; 404 when none was made.</summary>
    public static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.ErasureRequests.AsNoTracking().FirstOrDefaultAsync(found => found.CustomerId == id, cancellationToken);
        return request is null ? Problems.NotFound("erasure request for customer", id) : TypedResults.Ok(ErasureResponse.From(request));
    }
}
