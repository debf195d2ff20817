using System.Diagnostics.Metrics;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.Meters;
using CustomerPlatform.ServiceDefaults.Http;

namespace CustomerPlatform.Loyalty;

/// <summary>Business measures operations watch on the dashboard.</summary>
internal static class LoyaltyTelemetry
{
    private static readonly Meter Meter = new("CustomerPlatform.Loyalty");

    public static readonly Counter<long> PointsEarned =
        Meter.CreateCounter<long>("customer_platform.loyalty.points_earned", "{point}", "Points credited to loyalty accounts.");

    public static readonly Counter<long> PointsRedeemed =
        Meter.CreateCounter<long>("customer_platform.loyalty.points_redeemed", "{point}", "Points spent on rewards and discounts, by source.");

    public static readonly Counter<long> PointsDeducted =
        Meter.CreateCounter<long>(
            "customer_platform.loyalty.points_deducted", "{point}", "Points taken off accounts other than by redemption (refunds, expiry, adjustments), by type and source.");

    public static readonly Counter<long> PointsRestored =
        Meter.CreateCounter<long>(
            "customer_platform.loyalty.points_restored", "{point}", "Points put back on accounts other than by earning (voided redemptions, adjustments, merges), by type and source.");

    public static readonly ObservableGauge<long> PointsOutstanding = Meter.CreateObservableGauge(
        "customer_platform.loyalty.points_outstanding", () => OutstandingPoints.Current.Measurements, "{point}",
        "Points held on accounts (the business's liability), per business; refreshed every 30 s.");

    public static readonly Counter<long> CustomersAtRisk =
        Meter.CreateCounter<long>("customer_platform.loyalty.customers_at_risk", "{customer}", "Lapses announced: customers found overdue against their purchase rhythm.");

    public static readonly Counter<long> TierChanges =
        Meter.CreateCounter<long>("customer_platform.loyalty.tier_changes", "{change}", "Customers moved up or down a tier, by direction.");

    /// <summary>Counts a ledger entry as earned, redeemed, deducted or restored points, tagged by type and source; once per posted entry.</summary>
    public static void RecordPosting(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = new KeyValuePair<string, object?>("type", WireNames.Of(entry.Type));
        var source = new KeyValuePair<string, object?>("source", WireNames.Of(entry.Source));
        switch (entry.Type, entry.Points)
        {
            case (LedgerEntryType.Earn, > 0):
                PointsEarned.Add(entry.Points, type, source);
                break;
            case (LedgerEntryType.Redeem, < 0):
                PointsRedeemed.Add(-entry.Points, type, source);
                break;
            case (_, < 0):
                PointsDeducted.Add(-entry.Points, type, source);
                break;
            case (_, > 0):
                PointsRestored.Add(entry.Points, type, source);
                break;
        }
    }
    public static readonly Counter<long> WebhookDeliveriesDelivered =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_deliveries_delivered", "{delivery}", "Webhook deliveries a receiver accepted (2xx).");

    public static readonly Counter<long> WebhookDeliveriesFailed =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_deliveries_failed", "{delivery}", "Webhook deliveries given up, by reason (gone, retries-exhausted).");

    public static readonly Counter<long> WebhookAttemptsFailed =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_attempts_failed", "{attempt}", "Webhook attempts that failed and will be retried, by reason.");
}
