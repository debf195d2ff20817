using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// One contact with a customer (a visit, a call, an e-mail, ...), with its purpose, topics and, when the business
/// owes the customer something, a follow-up due by a time.
/// </summary>
public sealed class Interaction : ITenantOwned
{
    /// <summary>How far ahead of the server's clock a client's clock may run before "occurred at" is refused.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    private Interaction()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public InteractionChannel Channel { get; private init; }
    public InteractionPurpose Purpose { get; private init; }
    public List<string> Topics { get; private init; } = [];
    public string Summary { get; private init; } = "";
    public string? StaffMember { get; private init; }
    public string Branch { get; private init; } = "";
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public DateTimeOffset? FollowUpDueAt { get; private init; }
    public DateTimeOffset? FollowUpCompletedAt { get; private set; }
    public string? FollowUpCompletedBy { get; private set; }
    public string? FollowUpNote { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): two completions racing cannot both publish.</summary>
    public uint Version { get; private set; }

    public bool HasOpenFollowUp => FollowUpDueAt is not null && FollowUpCompletedAt is null;

    /// <param name="topics">Already normalised (<see cref="InteractionTopics.Normalise"/>).</param>
    public static Interaction Record(
        Guid tenantId,
        Guid customerId,
        InteractionChannel channel,
        InteractionPurpose purpose,
        IReadOnlyList<string> topics,
        string summary,
        string? staffMember,
        string branch,
        DateTimeOffset? occurredAt,
        DateTimeOffset? followUpDueAt,
        DateTimeOffset now)
    {
        var occurred = occurredAt is { } given ? ToStoredPrecision(given) : now;
        if (occurred > now + ClockSkewAllowance)
        {
            throw new DomainException("interaction-in-future", "An interaction cannot be recorded as happening in the future.");
        }

        var due = followUpDueAt is { } dueAt ? ToStoredPrecision(dueAt) : (DateTimeOffset?)null;
        if (due < occurred)
        {
            throw new DomainException("follow-up-before-interaction", "A follow-up cannot be due before the interaction it follows up.");
        }

        return new Interaction
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Channel = channel,
            Purpose = purpose,
            Topics = [.. topics],
            Summary = summary.Trim(),
            StaffMember = string.IsNullOrWhiteSpace(staffMember) ? null : staffMember.Trim(),
            Branch = branch.Trim(),
            OccurredAt = occurred,
            RecordedAt = now,
            FollowUpDueAt = due,
        };
    }

    /// <summary>
    /// Marks the follow-up done. True when this call completed it; false when it already was (the first
    /// completion stands, so a retried request changes nothing and publishes nothing).
    /// </summary>
    public bool CompleteFollowUp(string completedBy, string? note, DateTimeOffset now)
    {
        if (FollowUpDueAt is null)
        {
            throw new DomainException("no-follow-up", "This interaction has no follow-up to complete.", DomainErrorKind.Conflict);
        }

        if (FollowUpCompletedAt is not null)
        {
            return false;
        }

        FollowUpCompletedAt = now;
        FollowUpCompletedBy = completedBy.Trim();
        FollowUpNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return true;
    }

    // timestamptz keeps microseconds, in UTC: the create response then equals every later read of the row.
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
