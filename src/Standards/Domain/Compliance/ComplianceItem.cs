using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>
/// A legal or regulatory requirement the business tracks: where it comes from, who answers for it, and when it must
/// next be checked. Checks (<see cref="ComplianceCheck"/>) move the schedule; an item is archived, never deleted, so its
/// evidence stays.
/// </summary>
public sealed class ComplianceItem : ITenantOwned
{
    private ComplianceItem()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Title { get; private set; } = "";
    public ComplianceCategory Category { get; private set; }
    public string? CustomCategory { get; private set; }
    public string SourceName { get; private set; } = "";
    public string? SourceSection { get; private set; }
    public string? SourceUrl { get; private set; }
    public string Owner { get; private set; } = "";
    public int? FrequencyMonths { get; private set; }

    /// <summary>When the next check is due; null when nothing is scheduled (no frequency and no date given).</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    /// <summary>
    /// The due time before any check, which the evidence pack uses for a period that ended before the first check (each
    /// check keeps the due time it set for the periods after it).
    /// </summary>
    public DateTimeOffset? FirstDueAt { get; private set; }

    /// <summary>Branch codes it applies to; empty means every branch.</summary>
    public List<string> Branches { get; private set; } = [];

    public string? Notes { get; private set; }
    public DateTimeOffset? LastCheckedAt { get; private set; }
    public ComplianceOutcome? LastOutcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag, so two editors cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public ComplianceItemDetails Details => new(
        Title, Category, CustomCategory, SourceName, SourceSection, SourceUrl, Owner, FrequencyMonths, NextDueAt, Branches, Notes);

    /// <summary>Whether the next check's due time has passed (an archived item is never overdue).</summary>
    public bool IsOverdueAt(DateTimeOffset now) => ArchivedAt is null && NextDueAt < now;

    public static ComplianceItem Create(Guid tenantId, ComplianceItemDetails details, DateTimeOffset now)
    {
        EnsureValid(details);
        var item = new ComplianceItem
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CreatedAt = now,
        };
        item.SetDetails(details, now);
        return item;
    }

    /// <summary>
    /// Replaces what the business says about the item; false (and nothing changes) when it is the same. Without an
    /// explicit <c>nextDueAt</c> the item falls due a frequency after its last check (or its creation).
    /// </summary>
    public bool Replace(ComplianceItemDetails details, DateTimeOffset now)
    {
        EnsureNotArchived();
        EnsureValid(details);
        if ((details with { NextDueAt = Schedule(details) }).SameAs(Details))
        {
            return false;
        }

        SetDetails(details, now);
        return true;
    }

    /// <summary>
    /// Records a check as evidence. The latest check sets last checked and the next due time (explicit, or the check's
    /// time plus the frequency); a check reported late, older than the latest, is evidence only.
    /// </summary>
    public ComplianceCheck RecordCheck(ComplianceCheckDetails check, DateTimeOffset now)
    {
        EnsureNotArchived();
        var nextDue = check.NextDueAt ?? (FrequencyMonths is { } months ? check.CheckedAt.AddMonths(months) : null);
        if (LastCheckedAt is null || check.CheckedAt >= LastCheckedAt)
        {
            LastCheckedAt = check.CheckedAt;
            LastOutcome = check.Outcome;
            NextDueAt = nextDue;
            UpdatedAt = now;
        }

        return ComplianceCheck.Record(this, check, nextDue, now);
    }

    /// <summary>Retires the item: no more checks or edits; it and its evidence stay readable.</summary>
    public void Archive(DateTimeOffset now)
    {
        EnsureNotArchived();
        ArchivedAt = now;
        UpdatedAt = now;
    }

    private DateTimeOffset? Schedule(ComplianceItemDetails details) =>
        details.NextDueAt ?? (details.FrequencyMonths is { } months ? (LastCheckedAt ?? CreatedAt).AddMonths(months) : null);

    private void SetDetails(ComplianceItemDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        Category = details.Category;
        CustomCategory = details.CustomCategory;
        SourceName = details.SourceName;
        SourceSection = details.SourceSection;
        SourceUrl = details.SourceUrl;
        Owner = details.Owner;
        FrequencyMonths = details.FrequencyMonths;
        NextDueAt = Schedule(details);
        if (LastCheckedAt is null)
        {
            FirstDueAt = NextDueAt;
        }

        Branches = [.. details.Branches];
        Notes = details.Notes;
        UpdatedAt = now;
    }

    private void EnsureNotArchived()
    {
        if (ArchivedAt is not null)
        {
            throw new DomainException(
                "compliance-item-archived", "The compliance item is archived; it can no longer change or be checked.", DomainErrorKind.Conflict);
        }
    }

    // The API checks first and answers 400 with field errors; this keeps an invalid item out whoever calls.
    private static void EnsureValid(ComplianceItemDetails details)
    {
        var errors = details.Check();
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new DomainException("invalid-compliance-item", $"The compliance item is not valid: {field}: {messages[0]}");
        }
    }
}
