using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>A check made of a compliance item, with its evidence. Checks are never changed: they are the record.</summary>
public sealed class ComplianceCheck : ITenantOwned
{
    private ComplianceCheck()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ItemId { get; private init; }
    public DateTimeOffset CheckedAt { get; private init; }
    public string CheckedBy { get; private init; } = "";
    public ComplianceOutcome Outcome { get; private init; }
    public string Description { get; private init; } = "";
    public List<string> Links { get; private init; } = [];

    /// <summary>The due time this check set: what the item was due at from this check until the next one.</summary>
    public DateTimeOffset? NextDueAt { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    internal static ComplianceCheck Record(ComplianceItem item, ComplianceCheckDetails check, DateTimeOffset? nextDueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = item.TenantId,
        ItemId = item.Id,
        CheckedAt = check.CheckedAt,
        CheckedBy = check.CheckedBy,
        Outcome = check.Outcome,
        Description = check.Description,
        Links = [.. check.Links],
        NextDueAt = nextDueAt,
        RecordedAt = now,
    };
}
