using System.Collections.Frozen;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>
/// The statuses a complaint may move to from each status. A case is worked through acknowledged and investigating to
/// resolved and closed; a resolved or closed case can be reopened (and is then investigated again); any open case can
/// be escalated to a dispute with an external body, whose decision resolves it.
/// </summary>
public static class ComplaintWorkflow
{
    private static readonly FrozenDictionary<ComplaintStatus, ComplaintStatus[]> Next = new Dictionary<ComplaintStatus, ComplaintStatus[]>
    {
        [ComplaintStatus.Received] = [ComplaintStatus.Acknowledged, ComplaintStatus.Escalated],
        [ComplaintStatus.Acknowledged] = [ComplaintStatus.Investigating, ComplaintStatus.Escalated],
        [ComplaintStatus.Investigating] = [ComplaintStatus.Resolved, ComplaintStatus.Escalated],
        [ComplaintStatus.Reopened] = [ComplaintStatus.Investigating, ComplaintStatus.Escalated],
        [ComplaintStatus.Resolved] = [ComplaintStatus.Closed, ComplaintStatus.Reopened],
        [ComplaintStatus.Closed] = [ComplaintStatus.Reopened],
        [ComplaintStatus.Escalated] = [ComplaintStatus.Resolved],
    }.ToFrozenDictionary();

    /// <summary>The statuses reachable from <paramref name="from"/> in one transition.</summary>
    public static IReadOnlyList<ComplaintStatus> AllowedFrom(ComplaintStatus from) => Next[from];

    public static bool IsAllowed(ComplaintStatus from, ComplaintStatus to) => Next[from].Contains(to);

    /// <summary>Open cases are still being worked by the business itself (so they can still be escalated).</summary>
    public static bool IsOpen(ComplaintStatus status) =>
        status is ComplaintStatus.Received or ComplaintStatus.Acknowledged or ComplaintStatus.Investigating or ComplaintStatus.Reopened;
}
