using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Metrics;

/// <summary>A customer's purchase metrics and RFM scores.</summary>
/// <param name="TotalSpent">The sum of the purchases' amounts as numbers.</param>
/// <param name="Currency">The currency of all the purchases; null for a prospect or when they were in more than one currency (then <paramref name="TotalSpent"/> is a mixed sum).</param>
/// <param name="RecencyScore">1 to 5 (5: bought most recently), relative to the business's other customers with purchases; null for a prospect or until first scored.</param>
/// <param name="FrequencyScore">1 to 5 (5: buys most often).</param>
/// <param name="MonetaryScore">1 to 5 (5: spends most).</param>
/// <param name="RfmCell">The three scores as one code, e.g. <c>545</c>.</param>
/// <param name="ValueTier"><c>none</c> for a prospect; null for a new customer until their business's scores are next computed (about a minute).</param>
/// <param name="ScoredAt">When the current scores were assigned.</param>
public sealed record CustomerMetricsResponse(
    Guid CustomerId,
    int PurchaseCount,
    decimal TotalSpent,
    string? Currency,
    DateTimeOffset? FirstPurchaseAt,
    DateTimeOffset? LastPurchaseAt,
    int? RecencyScore,
    int? FrequencyScore,
    int? MonetaryScore,
    string? RfmCell,
    ValueTier? ValueTier,
    DateTimeOffset? ScoredAt)
{
    public static CustomerMetricsResponse Prospect(Guid customerId) =>
        new(customerId, 0, 0m, null, null, null, null, null, null, null, Domain.ValueTier.None, null);

    public static CustomerMetricsResponse From(CustomerMetrics metrics) => new(
        metrics.CustomerId,
        metrics.PurchaseCount,
        metrics.TotalSpent,
        metrics.Currency,
        metrics.FirstPurchaseAt,
        metrics.LastPurchaseAt,
        metrics.RecencyScore,
        metrics.FrequencyScore,
        metrics.MonetaryScore,
        metrics.RfmCell,
        metrics.ValueTier,
        metrics.ScoredAt);
}

public static class GetCustomerMetrics
{
    public static RouteHandlerBuilder MapGetCustomerMetrics(this RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/metrics", HandleAsync).WithName("GetCustomerMetrics");

    /// <summary>The customer's purchase metrics, RFM scores and value tier (a prospect's are empty, tier <c>none</c>).</summary>
    public static async Task<Results<Ok<CustomerMetricsResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Customers.AsNoTracking()
            .Where(customer => customer.Id == id)
            .Select(customer => new { Metrics = db.CustomerMetrics.FirstOrDefault(metrics => metrics.CustomerId == customer.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("customer", id);
        }

        return TypedResults.Ok(found.Metrics is null ? CustomerMetricsResponse.Prospect(id) : CustomerMetricsResponse.From(found.Metrics));
    }
}
