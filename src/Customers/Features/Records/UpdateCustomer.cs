using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Customers.Features.Records;

public static class UpdateCustomer
{
    public static RouteHandlerBuilder MapUpdateCustomer(this RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", HandleAsync).WithName("UpdateCustomer").RequiresIfMatch();

    /// <summary>
    /// Replaces the customer's details (a field left out is cleared); needs <c>If-Match</c> with the ETag last read.
    /// Publishes <c>CustomerUpdated</c> naming what changed; the same details again change and publish nothing.
    /// </summary>
    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        CustomerFields request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var details = await CustomerRecords.CheckAsync(request, db, clock, errors, cancellationToken);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        if (CustomerRecords.CheckHomeBranch(tenant, details) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, CustomerRecords.ETagOf(customer)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        var changed = customer.Update(details, now);
        if (changed.Count > 0)
        {
            db.EnqueueEvent(Updated(customer, changed, now), now);
            // xmin is the concurrency token: a change committed since the read above makes this a 412.
            await db.SaveChangesAsync(cancellationToken);
        }

        return CustomerRecords.Ok(http, customer);
    }

    internal static CustomerUpdated Updated(Customer customer, IReadOnlyList<string> changed, DateTimeOffset now) => new()
    {
        TenantId = customer.TenantId,
        CustomerId = customer.Id,
        Changed = changed,
        DisplayName = customer.DisplayName,
        Kind = WireNames.Of(customer.Kind),
        HomeBranch = customer.HomeBranch,
        PreferredLanguage = customer.PreferredLanguage,
        PreferredChannel = WireNames.Of(customer.PreferredChannel),
        Birthday = customer.Birthday,
        Tags = customer.Tags,
        Status = WireNames.Of(customer.Status),
        OccurredAt = now,
    };
}
