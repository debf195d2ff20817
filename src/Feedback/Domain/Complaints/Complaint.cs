using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>
/// A complaint handled as a case: what it is about, how serious it is, who works it, and its way through
/// <see cref="ComplaintWorkflow"/>, with the history of every transition, note and attachment.
/// </summary>
public sealed class Complaint : ITenantOwned
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxCodeLength = 50;
    public const int MaxPersonLength = 100;
    public const int MaxExternalLength = 200;

    private Complaint()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public ComplaintChannel Channel { get; private init; }
    public string Category { get; private init; } = "";
    public ComplaintSeverity Severity { get; private init; }

    /// <summary>The customer's own account; null once the customer is erased.</summary>
    public string? Description { get; private set; }

    public string? AssignedTo { get; private set; }
    public string? RootCause { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string? ExternalBody { get; private set; }
    public string? ExternalReference { get; private set; }
    public DateTimeOffset ReceivedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin), the case's ETag: two transitions racing cannot both apply.</summary>
    public uint Version { get; private set; }

    public List<ComplaintTransition> Transitions { get; private init; } = [];
    public List<ComplaintNote> Notes { get; private init; } = [];
    public List<ComplaintAttachment> Attachments { get; private init; } = [];
    public List<Compensation> Compensations { get; private init; } = [];
    public List<ComplaintWait> Waits { get; private init; } = [];

    // Deadlines: null on cases opened before the business had targets (before deadlines existed).

    /// <summary>The version of the business's complaint targets pinned when the case opened.</summary>
    public int? TargetsVersion { get; private set; }
    public int? AcknowledgeWithinMinutes { get; private set; }
    public int? ResolveWithinMinutes { get; private set; }

    /// <summary>The Standards standard version the acknowledge target came from; null when the business set it.</summary>
    public StandardReference? AcknowledgeStandard { get; private set; }

    /// <summary>The Standards standard version the resolve target came from; null when the business set it.</summary>
    public StandardReference? ResolveStandard { get; private set; }
    public ComplaintClock? Clock { get; private set; }
    public DateTimeOffset? AcknowledgeDueAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public bool? AcknowledgeMet { get; private set; }
    public DateTimeOffset? ResolveDueAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public bool? ResolveMet { get; private set; }

    /// <summary>The verdict of the first resolution; a reopen starts a new resolve clock but does not undo it.</summary>
    public bool? FirstResolutionMet { get; private set; }

    public DateTimeOffset? WaitingSince { get; private set; }

    /// <summary>
    /// The earliest due time still running (not met, not paused); null when none is. Kept so "overdue now" is one
    /// indexed comparison instead of a condition over several columns.
    /// </summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    /// <summary>The survey response whose poor score opened the case (the closed loop); null for a case opened by staff.</summary>
    public Guid? SourceResponseId { get; private init; }

    // The customer's answer to the follow-up survey after resolution (see ComplaintRecovery); null until one arrives.
    public Guid? FollowUpResponseId { get; private set; }
    public int? FollowUpNps { get; private set; }
    public int? FollowUpCsat { get; private set; }
    public bool? Recovered { get; private set; }
    public DateTimeOffset? FollowUpAnsweredAt { get; private set; }

    /// <param name="category">A code of the business's category list; the caller has checked it exists.</param>
    public static Complaint Receive(
        Guid tenantId,
        Guid? customerId,
        string branch,
        ComplaintChannel channel,
        string category,
        ComplaintSeverity severity,
        string description,
        string? assignedTo,
        DateTimeOffset now,
        Guid? sourceResponseId = null)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("empty-description", "A complaint needs a description.");
        }

        return new Complaint
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Branch = branch.Trim(),
            Channel = channel,
            Category = category.Trim(),
            Severity = severity,
            Description = description.Trim(),
            AssignedTo = Blank(assignedTo),
            Status = ComplaintStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
            SourceResponseId = sourceResponseId,
        };
    }

    /// <summary>
    /// Records the customer's answer to the follow-up survey. A later answer (another follow-up survey, or one after a
    /// reopen and a second resolution) replaces an earlier one: it says how the customer feels now.
    /// </summary>
    public void RecordFollowUp(ComplaintFollowUp followUp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (FollowUpResponseId == followUp.ResponseId || FollowUpAnsweredAt > followUp.AnsweredAt)
        {
            return;
        }

        FollowUpResponseId = followUp.ResponseId;
        FollowUpNps = followUp.Nps;
        FollowUpCsat = followUp.Csat;
        Recovered = followUp.Recovered;
        FollowUpAnsweredAt = followUp.AnsweredAt;
        UpdatedAt = now;
    }

    /// <summary>
    /// Pins the targets in force and starts the acknowledge and resolve clocks from <see cref="ReceivedAt"/>, on the
    /// branch's calendar, or round the clock when there is none (unknown branch, no opening hours).
    /// </summary>
    public void StartClocks(ComplaintTargetSet targets, BusinessCalendar? branchCalendar)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var target = targets.For(Severity);
        TargetsVersion = targets.Version;
        AcknowledgeWithinMinutes = target.AcknowledgeWithinMinutes;
        ResolveWithinMinutes = target.ResolveWithinMinutes;
        AcknowledgeStandard = target.AcknowledgeStandard;
        ResolveStandard = target.ResolveStandard;
        Clock = branchCalendar is null ? ComplaintClock.AlwaysOpen : ComplaintClock.BranchHours;
        var calendar = CalendarOf(branchCalendar);
        AcknowledgeDueAt = DueAfter(calendar, ReceivedAt, TimeSpan.FromMinutes(target.AcknowledgeWithinMinutes));
        ResolveDueAt = DueAfter(calendar, ReceivedAt, TimeSpan.FromMinutes(target.ResolveWithinMinutes));
        UpdateNextDue();
    }

    /// <summary>Pauses the resolution clock; a 409 <c>cannot-wait-on-customer</c> unless the case is being worked and not waiting already.</summary>
    /// <returns>The wait's history row, for the caller to add (as with transitions).</returns>
    public ComplaintWait WaitOnCustomer(DateTimeOffset now)
    {
        if (WaitingSince is not null || Status is not (ComplaintStatus.Acknowledged or ComplaintStatus.Investigating or ComplaintStatus.Reopened))
        {
            throw new DomainException(
                "cannot-wait-on-customer",
                WaitingSince is null
                    ? $"A {Status} complaint cannot wait on the customer; only an acknowledged, investigating or reopened one can."
                    : "The complaint is already waiting on the customer.",
                DomainErrorKind.Conflict);
        }

        WaitingSince = now;
        var wait = new ComplaintWait(TenantId, Id, now);
        Waits.Add(wait);
        UpdatedAt = now;
        UpdateNextDue();
        return wait;
    }

    /// <summary>Restarts the resolution clock, its due time moved by the business time spent waiting; a 409 <c>not-waiting</c> when it is not waiting.</summary>
    public void Resume(DateTimeOffset now, BusinessCalendar? branchCalendar)
    {
        if (WaitingSince is null)
        {
            throw new DomainException("not-waiting", "The complaint is not waiting on the customer.", DomainErrorKind.Conflict);
        }

        EndWait(now, branchCalendar);
        UpdatedAt = now;
        UpdateNextDue();
    }

    /// <summary>Moves the case on; throws a 409 <c>invalid-transition</c> when the workflow does not allow it.</summary>
    /// <param name="branchCalendar">The branch's calendar now, for the clocks a resolution, a reopen or the end of a wait moves.</param>
    public ComplaintTransition TransitionTo(
        ComplaintStatus to, string? note, string? externalBody, string? externalReference, DateTimeOffset now, BusinessCalendar? branchCalendar = null)
    {
        if (!ComplaintWorkflow.IsAllowed(Status, to))
        {
            throw new DomainException(
                "invalid-transition",
                $"A {Status} complaint cannot move to {to}; allowed: {string.Join(", ", ComplaintWorkflow.AllowedFrom(Status))}.",
                DomainErrorKind.Conflict);
        }

        if (to == ComplaintStatus.Escalated)
        {
            if (string.IsNullOrWhiteSpace(externalBody) || string.IsNullOrWhiteSpace(externalReference))
            {
                throw new DomainException("escalation-needs-external-body", "An escalation names the external body and its reference for the dispute.");
            }

            ExternalBody = externalBody.Trim();
            ExternalReference = externalReference.Trim();
        }

        var transition = new ComplaintTransition(TenantId, Id, Status, to, Blank(note), now);
        var from = Status;
        Status = to;
        UpdatedAt = now;
        Transitions.Add(transition);
        MoveClocks(from, to, now, branchCalendar);
        return transition;
    }

    public void AssignTo(string? assignee, DateTimeOffset now)
    {
        AssignedTo = Blank(assignee);
        UpdatedAt = now;
    }

    /// <param name="rootCause">A code of the business's root-cause list (checked by the caller), or null to clear it.</param>
    public void SetRootCause(string? rootCause, DateTimeOffset now)
    {
        RootCause = Blank(rootCause);
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether a clock is running and past its due time at <paramref name="now"/>; a paused clock is never overdue.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now) => NextDueAt is { } due && due < now;

    // Leaving received (to acknowledged, or straight to an escalation) is the acknowledgement. The first resolution
    // (or a close) stops the resolve clock; a reopen restarts it from the reopen with the pinned target, keeping the
    // first resolution's verdict in FirstResolutionMet.
    private void MoveClocks(ComplaintStatus from, ComplaintStatus to, DateTimeOffset now, BusinessCalendar? branchCalendar)
    {
        if (TargetsVersion is null)
        {
            return;
        }

        if (from == ComplaintStatus.Received && AcknowledgedAt is null)
        {
            AcknowledgedAt = now;
            AcknowledgeMet = now <= AcknowledgeDueAt;
        }

        if (to is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            if (WaitingSince is not null)
            {
                EndWait(now, branchCalendar);
            }

            if (ResolvedAt is null)
            {
                ResolvedAt = now;
                ResolveMet = now <= ResolveDueAt;
                FirstResolutionMet ??= ResolveMet;
            }
        }
        else if (to == ComplaintStatus.Reopened)
        {
            ResolvedAt = null;
            ResolveMet = null;
            ResolveDueAt = DueAfter(CalendarOf(branchCalendar), now, TimeSpan.FromMinutes(ResolveWithinMinutes ?? 0));
        }

        UpdateNextDue();
    }

    private void EndWait(DateTimeOffset now, BusinessCalendar? branchCalendar)
    {
        var paused = CalendarOf(branchCalendar).BusinessTimeBetween(WaitingSince!.Value, now);
        // Adding zero would still snap a due time at closing to the next opening: same business time, odder instant.
        if (paused > TimeSpan.Zero && ResolveDueAt is { } due)
        {
            ResolveDueAt = DueAfter(CalendarOf(branchCalendar), due, paused);
        }

        Waits.FirstOrDefault(wait => wait.EndedAt is null)?.End(now, paused);
        WaitingSince = null;
    }

    // A long target on a branch open an hour a week can end beyond the calendar's ten-year horizon.
    private static DateTimeOffset DueAfter(BusinessCalendar calendar, DateTimeOffset start, TimeSpan businessTime)
    {
        try
        {
            return calendar.Add(start, businessTime);
        }
        catch (InvalidOperationException)
        {
            throw new DomainException(
                "due-time-out-of-range", $"{businessTime.TotalMinutes:0} minutes of the branch's business time do not end within ten years; lower the complaint targets.");
        }
    }

    private void UpdateNextDue() => NextDueAt =
        AcknowledgedAt is null && AcknowledgeDueAt is not null ? AcknowledgeDueAt
        : ResolvedAt is null && WaitingSince is null ? ResolveDueAt
        : null;

    // A case opened round the clock stays so; a branch case whose branch has since lost its hours falls back to it.
    private BusinessCalendar CalendarOf(BusinessCalendar? branchCalendar) =>
        Clock == ComplaintClock.BranchHours && branchCalendar is not null ? branchCalendar : BusinessCalendar.AlwaysOpen;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
