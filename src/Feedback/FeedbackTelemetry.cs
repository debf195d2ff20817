using System.Diagnostics.Metrics;

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
}
