using System.Text.Json.Serialization;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Consent;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Records;

/// <summary>Registers a customer: their details, how they came, and the marketing consent they gave at sign-up.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterCustomerRequest : CustomerFields
{
    /// <summary>How the customer came to the business; <c>other</c> when left out.</summary>
    public CustomerSource? Source { get; init; }

    /// <summary>Marketing consent given (or refused) at registration, one decision per channel.</summary>
    public IReadOnlyList<ConsentDecision?>? Consents { get; init; }

    /// <summary>The id of an existing customer of the business who referred this one (not erased); Loyalty pays them the referral bonus.</summary>
    public Guid? ReferredByCustomerId { get; init; }
}

public static class RegisterCustomer
{
    public static RouteHandlerBuilder MapRegisterCustomer(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("RegisterCustomer").WithIdempotency<CustomersDbContext>();

    public static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterCustomerRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var details = await CustomerRecords.CheckAsync(request, db, clock, errors, cancellationToken);
        var consents = ConsentDecision.CheckAll(request.Consents, "consents", clock.GetUtcNow(), errors);
        await CheckReferrerAsync(request.ReferredByCustomerId, db, errors, cancellationToken);
        if (details is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (CustomerRecords.CheckHomeBranch(tenant, details) is { } forbidden)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow();
        var customer = Customer.Register(tenant.TenantId, details, request.Source ?? CustomerSource.Other, now, request.ReferredByCustomerId);
        db.Customers.Add(customer);
        foreach (var decision in consents)
        {
            var record = decision.ToRecord(customer, details.HomeBranch ?? "registration", now);
            db.ConsentRecords.Add(record);
            customer.RecordConsent(record);
        }

        db.EnqueueEvent(new CustomerRegistered
        {
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            DisplayName = customer.DisplayName,
            HomeBranch = customer.HomeBranch,
            Kind = WireNames.Of(customer.Kind),
            PreferredLanguage = customer.PreferredLanguage,
            PreferredChannel = WireNames.Of(customer.PreferredChannel),
            ConsentedChannels = [.. customer.Consent.Where(pair => pair.Value.Granted).Select(pair => WireNames.Of(pair.Key))],
            ReferredByCustomerId = customer.ReferredByCustomerId,
            Birthday = customer.Birthday,
            OccurredAt = now,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = CustomerRecords.ETagOf(customer);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", CustomerResponse.From(customer));
    }

    /// <summary>
    /// A referrer must be a customer of the same business (the tenant filter hides every other) who has not been erased.
    /// The new customer's id does not exist yet, so it cannot name itself.
    /// </summary>
    private static async Task CheckReferrerAsync(Guid? referrerId, CustomersDbContext db, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (referrerId is not { } id)
        {
            return;
        }

        var status = await db.Customers.AsNoTracking()
            .Where(customer => customer.Id == id)
            .Select(customer => (LifecycleStatus?)customer.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            errors["referredByCustomerId"] = ["No customer of the business has this id."];
        }
        else if (status == LifecycleStatus.Erased)
        {
            errors["referredByCustomerId"] = ["The referring customer has been erased."];
        }
    }
}
