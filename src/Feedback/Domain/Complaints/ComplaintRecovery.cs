namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Whether a follow-up answer shows the customer won back after their complaint.</summary>
public static class ComplaintRecovery
{
    /// <summary>A follow-up NPS at or above this is no longer a detractor's: 7 (passive) or more.</summary>
    public const int RecoveredNpsAtLeast = 7;

    /// <summary>A follow-up CSAT at or above this is a satisfied answer (4 or 5 of 5), as the CSAT score counts it.</summary>
    public const int RecoveredCsatAtLeast = 4;

    /// <summary>
    /// Recovered when either answer shows it: NPS at least 7 or CSAT at least 4. Null when the follow-up asked neither,
    /// so an answer without a score never counts for or against the recovery rate.
    /// </summary>
    public static bool? IsRecovered(int? nps, int? csat) =>
        nps is null && csat is null ? null : nps >= RecoveredNpsAtLeast || csat >= RecoveredCsatAtLeast;

    /// <summary>The follow-up to record from a response's scores; null when it has neither an NPS nor a CSAT answer.</summary>
    public static ComplaintFollowUp? FollowUpFrom(Guid responseId, int? nps, int? csat, DateTimeOffset answeredAt) =>
        IsRecovered(nps, csat) is { } recovered ? new ComplaintFollowUp(responseId, nps, csat, recovered, answeredAt) : null;
}
