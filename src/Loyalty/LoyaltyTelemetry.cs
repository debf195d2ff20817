using System.Diagnostics.Metrics;

namespace CustomerPlatform.Loyalty;

/// <summary>Business measures operations watch on the dashboard.</summary>
internal static class LoyaltyTelemetry
{
    private static readonly Meter Meter = new("CustomerPlatform.Loyalty");

    public static readonly Counter<long> PointsEarned =
        Meter.CreateCounter<long>("customer_platform.loyalty.points_earned", "{point}", "Points credited to loyalty accounts.");

    public static readonly Counter<long> PointsRedeemed =
        Meter.CreateCounter<long>("customer_platform.loyalty.points_redeemed", "{point}", "Points spent on rewards and discounts (net of voids).");
}
