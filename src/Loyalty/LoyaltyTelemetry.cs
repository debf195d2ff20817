using System.Diagnostics.Metrics;

namespace CustomerPlatform.Loyalty;

/// <summary>Business measures operations watch on the dashboard.</summary>
internal static class LoyaltyTelemetry
{
    private static readonly Meter Meter = new("CustomerPlatform.Loyalty");

    public static readonly Counter<long> PointsEarned =
        Meter.CreateCounter<long>("customer_platform.loyalty.points_earned", "{point}", "Points credited to loyalty accounts.");

    public static readonly Counter<long> WebhookDeliveriesDelivered =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_deliveries_delivered", "{delivery}", "Webhook deliveries a receiver accepted (2xx).");

    public static readonly Counter<long> WebhookDeliveriesFailed =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_deliveries_failed", "{delivery}", "Webhook deliveries given up, by reason (gone, retries-exhausted).");

    public static readonly Counter<long> WebhookAttemptsFailed =
        Meter.CreateCounter<long>("customer_platform.loyalty.webhook_attempts_failed", "{attempt}", "Webhook attempts that failed and will be retried, by reason.");
}
