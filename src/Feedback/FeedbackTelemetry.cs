using System.Diagnostics.Metrics;
using CustomerPlatform.Feedback.Features.Complaints;

namespace CustomerPlatform.Feedback;

/// <summary>Business measures operations watch on the dashboard.</summary>
internal static class FeedbackTelemetry
{
    private static readonly Meter Meter = new("CustomerPlatform.Feedback");

    public static readonly Counter<long> ResponsesRecorded =
        Meter.CreateCounter<long>("customer_platform.feedback.responses", "{response}", "Ratings and feedback items recorded.");

    public static readonly Counter<long> ComplaintsOpened =
        Meter.CreateCounter<long>("customer_platform.feedback.complaints_opened", "{complaint}", "Complaint cases opened.");

    public static readonly Counter<long> InvitationsCreated =
        Meter.CreateCounter<long>("customer_platform.feedback.invitations", "{invitation}", "Survey invitations created, tagged by reason.");

    public static readonly Counter<long> SchedulesSkipped =
        Meter.CreateCounter<long>(
            "customer_platform.feedback.scheduled_invitations_skipped", "{invitation}", "Scheduled invitations not sent when due, tagged by reason.");


    public static readonly ObservableGauge<long> ComplaintsOpen = Meter.CreateObservableGauge(
        "customer_platform.feedback.complaints.open", () => ComplaintCounts.Current.Open, "{complaint}",
        "Complaint cases not yet resolved or closed, per business; refreshed every 30 s.");

    public static readonly ObservableGauge<long> ComplaintsOverdue = Meter.CreateObservableGauge(
        "customer_platform.feedback.complaints.overdue", () => ComplaintCounts.Current.Overdue, "{complaint}",
        "Complaint cases past an acknowledge or resolve due time that is still running, per business; refreshed every 30 s.");
}
