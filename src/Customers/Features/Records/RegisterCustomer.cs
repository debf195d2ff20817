using System.Text.Json.Serialization;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Consent;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Customers.Features.Records;

/// <summary>Registers a customer: their details, how they came, and the marketing consent they gave at sign-up.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterCustomerRequest : CustomerFields
{
    /// <summary>How the customer came to the business; <c>other</c> when left out.</summary>
    public CustomerSource? Source { get; init; }

    /// <summary>Marketing consent given (or refused) at registration, one decision per channel.</summary>
    public IReadOnlyList<ConsentDecision?>? Consents { get; init; }
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
        if (details is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (CustomerRecords.CheckHomeBranch(tenant, details) is { } forbidden)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow();
        var customer = Customer.Register(tenant.TenantId, details, request.Source ?? CustomerSource.Other, now);
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
            Kind = CustomerRecords.Name(customer.Kind),
            PreferredLanguage = customer.PreferredLanguage,
            PreferredChannel = CustomerRecords.Name(customer.PreferredChannel),
            ConsentedChannels = [.. customer.Consent.Where(pair => pair.Value.Granted).Select(pair => CustomerRecords.Name(pair.Key))],
            OccurredAt = now,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = CustomerRecords.ETagOf(customer);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", CustomerResponse.From(customer));
    }
}
