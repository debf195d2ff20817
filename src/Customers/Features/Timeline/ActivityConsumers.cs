using System.Text.Json;
using CustomerPlatform.Contracts;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Timeline;

/// <summary>
/// Keeps another service's event about a customer as a <see cref="CustomerActivity"/> for the timeline. The insert
/// skips a fact already kept (the unique type + source id), so even a copy of the event under a new message id adds
/// nothing; an event about no customer (anonymous feedback) is ignored.
/// </summary>
public abstract class ActivityConsumer<TEvent>(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<TEvent, CustomersDbContext>(db, tenant, clock)
    where TEvent : class, IIntegrationEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected abstract CustomerActivity? ToActivity(TEvent message, DateTimeOffset now);

    protected static string DetailsOf(object details) => JsonSerializer.Serialize(details, Json);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        if (ToActivity(message, Clock.GetUtcNow()) is not { } activity)
        {
            return;
        }

        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO customer_activities (id, tenant_id, customer_id, type, source_id, branch, occurred_at, details, received_at)
            VALUES ({activity.Id}, {activity.TenantId}, {activity.CustomerId}, {activity.Type}, {activity.SourceId}, {activity.Branch},
                    {activity.OccurredAt}, CAST({activity.Details} AS jsonb), {activity.ReceivedAt})
            ON CONFLICT (tenant_id, type, source_id) DO NOTHING
            """, cancellationToken);
    }
}

/// <summary>Feedback a customer gave (a rating, at a branch) on their timeline.</summary>
public sealed class FeedbackActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<FeedbackReceived>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-feedback";

    protected override CustomerActivity? ToActivity(FeedbackReceived message, DateTimeOffset now) =>
        message.CustomerId is { } customerId
            ? CustomerActivity.From(message.TenantId, customerId, "feedback", message.FeedbackId, message.Branch, message.OccurredAt,
                DetailsOf(new { message.Rating }), now)
            : null;
}

/// <summary>Points a customer earned on their timeline.</summary>
public sealed class PointsEarnedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsEarned>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-earned";

    protected override CustomerActivity? ToActivity(PointsEarned message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsEarned", message.EntryId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.BalanceAfter, message.Source, purchaseId = message.SourceId }), now);
}

/// <summary>The customer's loyalty account being opened, on their timeline.</summary>
public sealed class LoyaltyAccountOpenedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<LoyaltyAccountOpened>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-loyalty-account";

    protected override CustomerActivity? ToActivity(LoyaltyAccountOpened message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "loyaltyAccountOpened", message.AccountId, null, message.OccurredAt,
            DetailsOf(new { message.AccountId }), now);
}

/// <summary>Points taken back (a refund) or given back (a voided redemption), on the customer's timeline.</summary>
public sealed class PointsReversedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsReversed>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-reversed";

    protected override CustomerActivity? ToActivity(PointsReversed message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsReversed", message.EntryId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.Shortfall, message.BalanceAfter, reason = message.Source, reasonId = message.SourceId }), now);
}

/// <summary>The customer found overdue against their own purchase rhythm, on their timeline.</summary>
public sealed class CustomerAtRiskActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<CustomerAtRisk>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-at-risk";

    protected override CustomerActivity? ToActivity(CustomerAtRisk message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "atRisk", message.EventId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.LastPurchaseAt, message.PurchaseCount, message.UsualIntervalDays, message.DaysSince, message.Factor }), now);
}

/// <summary>Points a customer spent on a reward or a discount, on their timeline.</summary>
public sealed class PointsRedeemedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsRedeemed>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-redeemed";

    protected override CustomerActivity? ToActivity(PointsRedeemed message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsRedeemed", message.EntryId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.BalanceAfter, message.RedemptionId, message.Code, message.RewardId }), now);
}

/// <summary>A staff correction of the customer's points (or a merge moving them), on their timeline.</summary>
public sealed class PointsAdjustedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsAdjusted>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-adjusted";

    protected override CustomerActivity? ToActivity(PointsAdjusted message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsAdjusted", message.EntryId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.BalanceAfter, message.Source, message.Reason, message.RelatedCustomerId }), now);
}

/// <summary>Unspent points that reached their expiry and were taken off the balance, on the customer's timeline.</summary>
public sealed class PointsExpiredActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsExpired>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-expired";

    protected override CustomerActivity? ToActivity(PointsExpired message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsExpired", message.EntryId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.BalanceAfter, message.EarnedAt, message.ExpiresAt }), now);
}

/// <summary>The notice that some points will expire unless spent, on the customer's timeline (like at-risk, a warning, not a change).</summary>
public sealed class PointsExpiringActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<PointsExpiring>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-points-expiring";

    protected override CustomerActivity? ToActivity(PointsExpiring message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "pointsExpiring", message.EventId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.Points, message.ExpiresAt, message.EarnedAt }), now);
}

/// <summary>The customer moving up or down a loyalty tier, on their timeline.</summary>
public sealed class TierChangedActivityConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<TierChanged>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.timeline-tier-changed";

    protected override CustomerActivity? ToActivity(TierChanged message, DateTimeOffset now) =>
        CustomerActivity.From(message.TenantId, message.CustomerId, "tierChanged", message.EventId, message.Branch, message.OccurredAt,
            DetailsOf(new { message.FromTier, message.ToTier, message.Direction, message.QualifyingValue, message.Basis, message.RuleVersion }), now);
}
