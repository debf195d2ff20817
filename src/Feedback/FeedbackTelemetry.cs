using System.Diagnostics.Metrics;
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
        Meter.CreateCounter<long>("customer_platform.feedback.invitations", "{invitation}", "Survey invitations created.");

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
