using System.Diagnostics.Metrics;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Domain.Surveys;

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


    public static readonly Histogram<int> Scores =
        Meter.CreateHistogram<int>("customer_platform.feedback.scores", "{score}", "Scores given in saved survey responses, by kind (nps, csat, ces) and branch.");

    /// <summary>Records a saved response's NPS, CSAT and CES answers; every path that saves a response calls this once, after saving.</summary>
    public static void RecordScores(SurveySubmission response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var branch = new KeyValuePair<string, object?>("branch", response.Branch);
        if (response.Nps is { } nps)
        {
            Scores.Record(nps, new KeyValuePair<string, object?>("kind", "nps"), branch);
        }

        if (response.Csat is { } csat)
        {
            Scores.Record(csat, new KeyValuePair<string, object?>("kind", "csat"), branch);
        }

        if (response.Ces is { } ces)
        {
            Scores.Record(ces, new KeyValuePair<string, object?>("kind", "ces"), branch);
        }
    }
}
