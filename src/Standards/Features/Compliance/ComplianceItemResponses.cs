using CustomerPlatform.Standards.Domain.Compliance;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>Where a requirement comes from.</summary>
public sealed record ComplianceSourceResponse(string Name, string? Section, string? Url);

/// <summary>A compliance item and where its checks stand.</summary>
/// <param name="NextDueAt">When the next check is due; absent when none is scheduled.</param>
/// <param name="Overdue">Whether the next check's due time has passed.</param>
/// <param name="Status">active or archived.</param>
public sealed record ComplianceItemResponse(
    Guid Id,
    string Title,
    ComplianceCategory Category,
    string? CustomCategory,
    ComplianceSourceResponse Source,
    string Owner,
    int? FrequencyMonths,
    DateTimeOffset? NextDueAt,
    bool Overdue,
    IReadOnlyList<string> Branches,
    string? Notes,
    DateTimeOffset? LastCheckedAt,
    ComplianceOutcome? LastOutcome,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt)
{
    public static ComplianceItemResponse From(ComplianceItem item, DateTimeOffset now) => new(
        item.Id,
        item.Title,
        item.Category,
        item.CustomCategory,
        new ComplianceSourceResponse(item.SourceName, item.SourceSection, item.SourceUrl),
        item.Owner,
        item.FrequencyMonths,
        item.NextDueAt,
        item.IsOverdueAt(now),
        item.Branches,
        item.Notes,
        item.LastCheckedAt,
        item.LastOutcome,
        item.ArchivedAt is null ? "active" : "archived",
        item.CreatedAt,
        item.UpdatedAt,
        item.ArchivedAt);
}

/// <summary>A page of compliance items, oldest first.</summary>
public sealed record ComplianceItemPageResponse(IReadOnlyList<ComplianceItemResponse> Items, string? NextCursor);

/// <summary>A check made of a compliance item, with its evidence.</summary>
/// <param name="NextDueAt">The due time this check set for the item.</param>
public sealed record ComplianceCheckResponse(
    Guid Id,
    Guid ItemId,
    DateTimeOffset CheckedAt,
    string CheckedBy,
    ComplianceOutcome Outcome,
    string Description,
    IReadOnlyList<string> Links,
    DateTimeOffset? NextDueAt,
    DateTimeOffset RecordedAt)
{
    public static ComplianceCheckResponse From(ComplianceCheck check) => new(
        check.Id, check.ItemId, check.CheckedAt, check.CheckedBy, check.Outcome, check.Description, check.Links, check.NextDueAt, check.RecordedAt);
}

/// <summary>A page of an item's checks, oldest first.</summary>
public sealed record ComplianceCheckPageResponse(IReadOnlyList<ComplianceCheckResponse> Items, string? NextCursor);
