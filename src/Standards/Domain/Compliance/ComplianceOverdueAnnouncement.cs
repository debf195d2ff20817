using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>
/// That an item's lapse past one due time was announced (<c>ComplianceCheckOverdue</c>), so each lapse is announced once.
/// A row of its own rather than a mark on the item: the worker never changes the item's row version, so it cannot turn a
/// user's check or edit into a 412.
/// </summary>
public sealed class ComplianceOverdueAnnouncement : ITenantOwned
{
    private ComplianceOverdueAnnouncement()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid ItemId { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset AnnouncedAt { get; private init; }

    public static ComplianceOverdueAnnouncement Of(ComplianceItem item, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        TenantId = item.TenantId,
        ItemId = item.Id,
        DueAt = dueAt,
        AnnouncedAt = now,
    };
}
