using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A customer's purchase metrics, kept up to date from <c>PurchaseRecorded</c> events by atomic SQL increments (so
/// concurrent events never lose one, and a refund can apply a negative delta the same way), and their RFM scores,
/// which are relative to the business's other customers and so recomputed for the whole business by
/// <see cref="Rfm"/>'s statement in the background. A customer without a row is a prospect.
/// </summary>
public sealed class CustomerMetrics : ITenantOwned
{
    private CustomerMetrics()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public int PurchaseCount { get; private init; }

    /// <summary>The sum of the purchases' amounts, as numbers: a business selling in several currencies gets a mixed sum.</summary>
    public decimal TotalSpent { get; private init; }

    /// <summary>The currency of every purchase, or null once they were in more than one.</summary>
    public string? Currency { get; private init; }

    public DateTimeOffset? FirstPurchaseAt { get; private init; }
    public DateTimeOffset? LastPurchaseAt { get; private init; }
    public short? RecencyScore { get; private init; }
    public short? FrequencyScore { get; private init; }
    public short? MonetaryScore { get; private init; }

    /// <summary>The three scores as one code, recency first, e.g. <c>545</c>.</summary>
    public string? RfmCell { get; private init; }

    /// <summary>Null until the business's scores are next computed (within a minute of the first purchase).</summary>
    public ValueTier? ValueTier { get; private init; }

    /// <summary>When the current scores were assigned.</summary>
    public DateTimeOffset? ScoredAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private init; }
}

/// <summary>
/// A business whose metrics changed since its scores were last computed; the background scorer takes (deletes) the
/// marker in the transaction that rescores the business. A work queue across businesses, so not tenant-filtered.
/// </summary>
public sealed class MetricsRescoreRequest
{
    public Guid TenantId { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
}
