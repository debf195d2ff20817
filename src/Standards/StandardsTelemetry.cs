using System.Diagnostics.Metrics;
using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.Standards.Features.ServicePeriods;
using CustomerPlatform.Standards.Features.Reviews;

namespace CustomerPlatform.Standards;

/// <summary>Business measures operations watch on the dashboard.</summary>
internal static class StandardsTelemetry
{
    private static readonly Meter Meter = new("CustomerPlatform.Standards");

    public static readonly ObservableGauge<long> ComplianceItemsOverdue = Meter.CreateObservableGauge(
        "customer_platform.standards.compliance_items_overdue", () => OverdueComplianceItems.Current.Measurements, "{item}",
        "Compliance items whose next check is past due, per business; refreshed every 30 s.");

    public static readonly ObservableGauge<long> StandardsAtRisk = Meter.CreateObservableGauge(
        "customer_platform.standards.standards_at_risk", () => StandardsAtRiskRefresher.AtRisk.Current, "{standard}",
        "Standards past their warning threshold so far in the open service period, per business and branch; refreshed every 60 s.");

    public static readonly ObservableGauge<long> StandardsBreached = Meter.CreateObservableGauge(
        "customer_platform.standards.standards_breached", () => StandardsAtRiskRefresher.Breached.Current, "{standard}",
        "Standards past their target so far in the open service period, per business and branch; refreshed every 60 s.");

    public static readonly Counter<long> ComplianceChecksOverdue =
        Meter.CreateCounter<long>(
            "customer_platform.standards.compliance_checks_overdue", "{item}", "Lapses announced: compliance items found past their check's due time.");

    public static readonly Counter<long> Breaches = Meter.CreateCounter<long>(
        "customer_platform.standards.breaches", "{breach}", "Complaint clocks found past a standard's due time while running, tagged by metric.");

    public static readonly Counter<long> AtRiskWarnings = Meter.CreateCounter<long>(
        "customer_platform.standards.standards_at_risk_warnings", "{warning}", "Complaint clocks found past a standard's warning threshold while running, tagged by metric.");
    public static readonly ObservableGauge<long> ReviewsOverdue = Meter.CreateObservableGauge(
        "customer_platform.standards.reviews_overdue", () => OverdueReviews.Current.Measurements, "{review}",
        "Review actions still open after their due date, per business; refreshed every 30 s.");
}
