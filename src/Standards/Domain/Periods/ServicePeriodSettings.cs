using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>A business's choice of service period: its length, where the periods begin, and when they close by themselves.</summary>
public sealed class ServicePeriodSettings : ITenantOwned
{
    public const int DefaultCloseAfterHours = 24;
    public const int MaxCloseAfterHours = 8760;

    private ServicePeriodSettings()
    {
    }

    public Guid TenantId { get; private init; }
    public PeriodLength Length { get; private set; }
    public DateOnly FirstPeriodStart { get; private set; }
    public int CloseAfterHours { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (xmin), the ETag.</summary>
    public uint Version { get; private set; }

    public PeriodCalendar Calendar => new(Length);

    /// <summary>What a business that never chose has: monthly periods from the current month, closed a day after they end.</summary>
    public static ServicePeriodSettings Default(Guid tenantId, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        Length = PeriodLength.Month,
        FirstPeriodStart = new PeriodCalendar(PeriodLength.Month).Containing(now).Start,
        CloseAfterHours = DefaultCloseAfterHours,
        UpdatedAt = now,
    };

    public static ServicePeriodSettings Create(Guid tenantId) => new() { TenantId = tenantId };

    /// <param name="firstPeriodStart">Checked by the caller: a period start of <paramref name="length"/>, not re-cutting a closed period.</param>
    public void Replace(PeriodLength length, DateOnly firstPeriodStart, int closeAfterHours, DateTimeOffset now)
    {
        Length = length;
        FirstPeriodStart = firstPeriodStart;
        CloseAfterHours = closeAfterHours;
        UpdatedAt = now;
    }

    /// <summary>
    /// The oldest period not closed yet: the first period, or the one after the last closed period when that is later
    /// (a change may not start before the end of a closed period, so the two never overlap).
    /// </summary>
    public PeriodSpan OldestUnclosed(DateOnly? lastClosedEnd) =>
        Calendar.StartingOn(lastClosedEnd is { } end && end > FirstPeriodStart ? end : FirstPeriodStart);

    public DateTimeOffset CloseDueAt(PeriodSpan period) => period.To.AddHours(CloseAfterHours);
}
