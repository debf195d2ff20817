using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>
/// When a survey invites a customer by itself: after which event, how long after, how many of them (sampling), how
/// rarely per customer (quiet period), and on which channels in order of preference.
/// </summary>
public sealed record SurveyTrigger(
    TriggerEvent On,
    int DelayMinutes,
    double SamplingRate,
    int QuietPeriodDays,
    IReadOnlyList<InvitationChannel> Channels,
    IReadOnlyList<string> Branches,
    bool Enabled)
{
    public const int MaxDelayMinutes = 43_200;
    public const int MaxQuietPeriodDays = 365;
    public const int DefaultQuietPeriodDays = 30;

    /// <summary>The key a scheduled row keeps of the trigger that made it: one trigger per event per survey.</summary>
    public string Key => On.ToString();

    /// <summary>The reason an invitation made by this trigger carries.</summary>
    public InvitationReason Reason => ReasonFor(On);

    public static InvitationReason ReasonFor(TriggerEvent on) => on switch
    {
        TriggerEvent.Purchase => InvitationReason.Purchase,
        TriggerEvent.ServiceVisit => InvitationReason.ServiceVisit,
        TriggerEvent.ComplaintResolved => InvitationReason.ComplaintFollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(on), on, "Not a trigger event."),
    };

    /// <summary>
    /// Whether an event at the branch is this trigger's to act on. The trigger's own branches narrow the survey's; naming
    /// none means the survey's (which, naming none, means every branch).
    /// </summary>
    public bool AppliesTo(string branch, IReadOnlyList<string> surveyBranches)
    {
        var scope = Branches.Count > 0 ? Branches : surveyBranches;
        return Enabled && (scope.Count == 0 || scope.Contains(branch.Trim(), StringComparer.Ordinal));
    }
}
