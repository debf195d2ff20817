using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>
/// The next period of a business to close and when the worker closes it by itself. One row per business: every close
/// and settings change locks it, so closes of one business run one at a time and in order. A row of its own rather
/// than a column of the settings, so a close never changes the settings' ETag.
/// </summary>
public sealed class PeriodCloseDue : ITenantOwned
{
    private PeriodCloseDue()
    {
    }

    public Guid TenantId { get; private init; }
    public DateOnly PeriodStart { get; private set; }
    public DateTimeOffset DueAt { get; private set; }

    public static PeriodCloseDue Create(Guid tenantId) => new() { TenantId = tenantId };

    public void Next(PeriodSpan period, DateTimeOffset dueAt)
    {
        PeriodStart = period.Start;
        DueAt = dueAt;
    }

    public void Postpone(DateTimeOffset dueAt) => DueAt = dueAt;
}
