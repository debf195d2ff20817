using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Customers.Features.Records;

/// <summary>Why a customer is archived.</summary>
/// <param name="Reason">Free text, e.g. "moved away"; at most 500 characters.</param>
public sealed record ArchiveCustomerRequest(string? Reason);

/// <summary>
/// Archiving keeps the record and its history but takes it out of lists, searches and segments and refuses changes
/// to it; restoring brings it back. Both are safe to repeat: a second call changes and publishes nothing.
/// </summary>
public static class ArchiveCustomer
{
    public static void MapArchiveCustomer(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/archive", ArchiveAsync).WithName("ArchiveCustomer");
        group.MapPost("/{id:guid}/restore", RestoreAsync).WithName("RestoreCustomer");
        group.MapPost("/{id:guid}/verify", VerifyAsync).WithName("VerifyCustomer");
    }

    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> ArchiveAsync(
        Guid id, ArchiveCustomerRequest? request, CustomersDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters."] });
        }

        var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        var now = clock.GetUtcNow();
        if (customer.Archive(now))
        {
            db.EnqueueEvent(new CustomerArchived { TenantId = customer.TenantId, CustomerId = customer.Id, Reason = reason, OccurredAt = now }, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return CustomerRecords.Ok(http, customer);
    }

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> RestoreAsync(
        Guid id, CustomersDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        var now = clock.GetUtcNow();
        if (customer.Restore(now))
        {
            db.EnqueueEvent(UpdateCustomer.Updated(customer, ["archivedAt"], now), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return CustomerRecords.Ok(http, customer);
    }

    /// <summary>Confirms the customer's details are current (someone checked them with the customer today).</summary>
    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> VerifyAsync(
        Guid id, CustomersDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        customer.MarkVerified(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CustomerRecords.Ok(http, customer);
    }
}
