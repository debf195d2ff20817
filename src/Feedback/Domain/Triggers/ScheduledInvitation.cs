using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>
/// An invitation a trigger will make when it falls due (a row, not a broker schedule: see STYLE.md, Messaging). The
/// trigger's channels and quiet period are copied in when scheduled, so editing a trigger later changes only what it
/// schedules next.
/// </summary>
public sealed class ScheduledInvitation : ITenantOwned
{
    private ScheduledInvitation()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid SurveyId { get; private init; }
    public string TriggerKey { get; private init; } = "";
    public InvitationReason Reason { get; private init; }
    public Guid SourceId { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public List<InvitationChannel> Channels { get; private init; } = [];
    public int QuietPeriodDays { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public ScheduleState State { get; private set; }
    public SkipReason? SkipReason { get; private set; }
    public Guid? InvitationId { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>
    /// Row version (PostgreSQL xmin): an erasure that read the row as pending while the worker was sending it fails
    /// and is retried, then sees the invitation made and withdraws it.
    /// </summary>
    public uint Version { get; private set; }

    public static ScheduledInvitation Schedule(
        Guid tenantId, Guid surveyId, SurveyTrigger trigger, Guid sourceId, Guid customerId, string branch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return new ScheduledInvitation
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            SurveyId = surveyId,
            TriggerKey = trigger.Key,
            Reason = trigger.Reason,
            SourceId = sourceId,
            CustomerId = customerId,
            Branch = branch.Trim(),
            Channels = [.. trigger.Channels],
            QuietPeriodDays = trigger.QuietPeriodDays,
            CreatedAt = now,
            DueAt = now.AddMinutes(trigger.DelayMinutes),
            State = ScheduleState.Pending,
        };
    }

    public void MarkSent(Guid invitationId, DateTimeOffset now)
    {
        EnsurePending();
        State = ScheduleState.Sent;
        InvitationId = invitationId;
        ProcessedAt = now;
    }

    public void Skip(SkipReason reason, DateTimeOffset now)
    {
        EnsurePending();
        State = ScheduleState.Skipped;
        SkipReason = reason;
        ProcessedAt = now;
    }

    private void EnsurePending()
    {
        if (State != ScheduleState.Pending)
        {
            throw new InvalidOperationException($"Scheduled invitation {Id} was already {State}.");
        }
    }
}
