using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer becomes overdue against their own purchase rhythm: the time since their last
/// purchase exceeds the business's factor times their usual interval. Once per lapse: a new purchase ends it, and a
/// later lapse is published again. Public: third-party apps (win-back campaigns) may subscribe.
/// </summary>
[MessageUrn("loyalty.customer-at-risk.v1")]
[EntityName("loyalty.customer-at-risk.v1")]
public sealed record CustomerAtRisk : ILoyaltyEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch of the customer's last purchase, when it named one.</summary>
    public string? Branch { get; init; }

    /// <summary>When the customer last bought something.</summary>
    public required DateTimeOffset LastPurchaseAt { get; init; }

    /// <summary>How many purchases the rhythm is based on.</summary>
    public required int PurchaseCount { get; init; }

    /// <summary>The customer's usual interval between purchases, in days: the mean gap between their purchases.</summary>
    public required double UsualIntervalDays { get; init; }

    /// <summary>Days from the last purchase to <see cref="OccurredAt"/>.</summary>
    public required double DaysSince { get; init; }

    /// <summary>The business's factor: the customer is at risk once <see cref="DaysSince"/> exceeds factor × <see cref="UsualIntervalDays"/>.</summary>
    public required double Factor { get; init; }

    /// <summary>When Loyalty found the customer at risk.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
