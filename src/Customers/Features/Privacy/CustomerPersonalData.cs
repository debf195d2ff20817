using System.Text.Json;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Consent;
using CustomerPlatform.Customers.Features.Interactions;
using CustomerPlatform.Customers.Features.Metrics;
using CustomerPlatform.Customers.Features.Purchases;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Features.ServiceVisits;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Privacy;

/// <summary>Everything Customers holds about one customer: the Customers section of the personal-data export.</summary>
/// <param name="Customer">The record as it stands.</param>
/// <param name="ConsentHistory">Every consent decision, newest first.</param>
/// <param name="Interactions">Every interaction, newest first.</param>
/// <param name="Purchases">Every purchase with its lines and refunds, newest first.</param>
/// <param name="ServiceVisits">Every service visit, newest first.</param>
/// <param name="Activities">What other services reported about the customer (feedback, points), newest first.</param>
/// <param name="Metrics">Purchase metrics, RFM scores and value tier.</param>
/// <param name="Segments">The segments the customer is a member of.</param>
/// <param name="Erasure">The erasure request, when one was made.</param>
public sealed record CustomerPersonalDataResponse(
    CustomerResponse Customer,
    IReadOnlyList<ConsentRecordResponse> ConsentHistory,
    IReadOnlyList<InteractionResponse> Interactions,
    IReadOnlyList<PurchaseResponse> Purchases,
    IReadOnlyList<ServiceVisitResponse> ServiceVisits,
    IReadOnlyList<ActivityResponse> Activities,
    CustomerMetricsResponse Metrics,
    IReadOnlyList<SegmentMembershipResponse> Segments,
    ErasureResponse? Erasure);

/// <summary>Something another service reported about the customer, as kept for the timeline.</summary>
/// <param name="Type">e.g. <c>feedback</c>, <c>pointsEarned</c>, <c>loyaltyAccountOpened</c>.</param>
/// <param name="SourceId">The id the reporting service gave it.</param>
/// <param name="Details">The facts kept, by type.</param>
public sealed record ActivityResponse(string Type, Guid SourceId, string? Branch, DateTimeOffset OccurredAt, JsonElement Details);

/// <summary>A segment the customer belongs to.</summary>
public sealed record SegmentMembershipResponse(Guid SegmentId, string Name, DateTimeOffset JoinedAt);

/// <summary>
/// <c>GET /api/v1/customers/personal-data/{customerId}</c>: Customers' own section of the export, which the gateway
/// composes with the other services' at <c>GET /api/v1/customers/{id}/personal-data</c>. Unbounded lists on purpose:
/// an export is rare and must be whole.
/// </summary>
public static class CustomerPersonalData
{
    public static RouteHandlerBuilder MapCustomerPersonalData(this RouteGroupBuilder group) =>
        group.MapGet("/personal-data/{customerId:guid}", HandleAsync).WithName("GetCustomerPersonalDataSection");

    /// <summary>Everything Customers holds about the customer; 404 for an unknown id (also another business's).</summary>
    public static async Task<Results<Ok<CustomerPersonalDataResponse>, ProblemHttpResult>> HandleAsync(
        Guid customerId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(found => found.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", customerId);
        }

        var consent = await db.ConsentRecords.AsNoTracking().Where(record => record.CustomerId == customerId)
            .OrderByDescending(record => record.OccurredAt).ThenByDescending(record => record.Id).ToListAsync(cancellationToken);
        var interactions = await db.Interactions.AsNoTracking().Where(interaction => interaction.CustomerId == customerId)
            .OrderByDescending(interaction => interaction.OccurredAt).ThenByDescending(interaction => interaction.Id).ToListAsync(cancellationToken);
        var purchases = await db.Purchases.AsNoTracking().Where(purchase => purchase.CustomerId == customerId)
            .Include(purchase => purchase.Lines).Include(purchase => purchase.Refunds).AsSplitQuery()
            .OrderByDescending(purchase => purchase.OccurredAt).ThenByDescending(purchase => purchase.Id).ToListAsync(cancellationToken);
        var visits = await db.ServiceVisits.AsNoTracking().Where(visit => visit.CustomerId == customerId)
            .OrderByDescending(visit => visit.OccurredAt).ThenByDescending(visit => visit.Id).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(activity => activity.CustomerId == customerId)
            .OrderByDescending(activity => activity.OccurredAt).ThenByDescending(activity => activity.Id).ToListAsync(cancellationToken);
        var metrics = await db.CustomerMetrics.AsNoTracking().FirstOrDefaultAsync(found => found.CustomerId == customerId, cancellationToken);
        var segments = await db.SegmentMembers.AsNoTracking().Where(member => member.CustomerId == customerId)
            .Join(db.Segments.AsNoTracking().Where(segment => segment.DeletedAt == null), member => member.SegmentId, segment => segment.Id,
                (member, segment) => new { segment.Id, segment.Name, member.JoinedAt })
            .OrderBy(membership => membership.Name)
            .Select(membership => new SegmentMembershipResponse(membership.Id, membership.Name, membership.JoinedAt))
            .ToListAsync(cancellationToken);
        var erasure = await db.ErasureRequests.AsNoTracking().FirstOrDefaultAsync(found => found.CustomerId == customerId, cancellationToken);

        return TypedResults.Ok(new CustomerPersonalDataResponse(
            CustomerResponse.From(customer),
            [.. consent.Select(ConsentRecordResponse.From)],
            [.. interactions.Select(InteractionResponse.From)],
            [.. purchases.Select(PurchaseResponse.From)],
            [.. visits.Select(ServiceVisitResponse.From)],
            [.. activities.Select(ToResponse)],
            metrics is null ? CustomerMetricsResponse.Prospect(customerId) : CustomerMetricsResponse.From(metrics),
            segments,
            erasure is null ? null : ErasureResponse.From(erasure)));
    }

    private static ActivityResponse ToResponse(CustomerActivity activity)
    {
        using var details = JsonDocument.Parse(activity.Details);
        return new ActivityResponse(activity.Type, activity.SourceId, activity.Branch, activity.OccurredAt, details.RootElement.Clone());
    }
}
