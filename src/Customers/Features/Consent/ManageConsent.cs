using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Consent;

/// <summary>Consent decisions to record, one per channel.</summary>
/// <param name="Decisions">The decisions; at least one.</param>
public sealed record RecordConsentRequest(IReadOnlyList<ConsentDecision?>? Decisions);

/// <summary>One entry of a customer's consent history.</summary>
public sealed record ConsentRecordResponse(
    Guid Id, ContactChannel Channel, bool Granted, DateTimeOffset OccurredAt, string Source, string? RecordedBy, DateTimeOffset RecordedAt)
{
    public static ConsentRecordResponse From(ConsentRecord record) =>
        new(record.Id, record.Channel, record.Granted, record.OccurredAt, record.Source, record.RecordedBy, record.RecordedAt);
}

/// <summary>A customer's consent history, newest decision first.</summary>
public sealed record ConsentHistoryResponse(IReadOnlyList<ConsentRecordResponse> Items);

/// <summary>
/// Marketing consent is a history, never overwritten: every decision is kept with when, where and who, and the
/// customer's current consent per channel is the latest decision. A change publishes <c>CustomerConsentChanged</c>.
/// </summary>
public static class ManageConsent
{
    public const int MaxHistory = 1000;

    public static void MapConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/consent", RecordAsync).WithName("RecordConsent");
        group.MapGet("/{id:guid}/consent", HistoryAsync).WithName("GetConsentHistory");
    }

    /// <summary>Records decisions and answers with the customer, whose <c>consent</c> shows the current state.</summary>
    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, RecordConsentRequest request, CustomersDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var decisions = ConsentDecision.CheckAll(request.Decisions, "decisions", now, errors);
        if (decisions.Count == 0 && errors.Count == 0)
        {
            errors["decisions"] = ["At least one consent decision is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customer = await CustomerRecords.FindAsync(db, id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        foreach (var decision in decisions)
        {
            var record = decision.ToRecord(customer, "api", now);
            db.ConsentRecords.Add(record);
            if (customer.RecordConsent(record))
            {
                db.EnqueueEvent(new CustomerConsentChanged
                {
                    TenantId = customer.TenantId,
                    CustomerId = customer.Id,
                    Channel = CustomerRecords.Name(record.Channel),
                    Granted = record.Granted,
                    Source = record.Source,
                    OccurredAt = record.OccurredAt,
                }, now);
            }
        }

        // The customer row changes with every decision (its consent and updatedAt), so concurrent decisions meet xmin.
        await db.SaveChangesAsync(cancellationToken);
        return CustomerRecords.Ok(http, customer);
    }

    public static async Task<Results<Ok<ConsentHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        Guid id, CustomersDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(customer => customer.Id == id, cancellationToken))
        {
            return Problems.NotFound("customer", id);
        }

        var records = await db.ConsentRecords.AsNoTracking()
            .Where(record => record.CustomerId == id)
            .OrderByDescending(record => record.OccurredAt).ThenByDescending(record => record.Id)
            .Take(MaxHistory)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ConsentHistoryResponse([.. records.Select(ConsentRecordResponse.From)]));
    }
}
