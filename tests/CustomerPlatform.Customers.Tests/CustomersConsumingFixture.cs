using CustomerPlatform.Customers.Features.Timeline;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Customers.Tests;

/// <summary>The Customers service with a test bus that publishes, as the other services would, the events it consumes.</summary>
public sealed class CustomersConsumingFixture()
    : ConsumingServiceFixture<Program>("customersdb", [FeedbackQueue, PointsEarnedQueue, AccountOpenedQueue, .. ComplaintActivities.Queues, PointsReversedQueue, AtRiskQueue, PointsRedeemedQueue, PointsAdjustedQueue, PointsExpiredQueue, PointsExpiringQueue, TierChangedQueue])
{
    public const string FeedbackQueue = "customers-feedback-activity";
    public const string PointsEarnedQueue = "customers-points-earned-activity";
    public const string AccountOpenedQueue = "customers-loyalty-account-opened-activity";
    public const string PointsReversedQueue = "customers-points-reversed-activity";
    public const string AtRiskQueue = "customers-customer-at-risk-activity";
    public const string PointsRedeemedQueue = "customers-points-redeemed-activity";
    public const string PointsAdjustedQueue = "customers-points-adjusted-activity";
    public const string PointsExpiredQueue = "customers-points-expired-activity";
    public const string PointsExpiringQueue = "customers-points-expiring-activity";
    public const string TierChangedQueue = "customers-tier-changed-activity";
}
