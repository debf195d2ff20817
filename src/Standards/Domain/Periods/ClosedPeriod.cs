using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Scorecards;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>A closed service period and its frozen scorecard: nothing that arrives later changes it.</summary>
public sealed class ClosedPeriod : ITenantOwned
{
    private ClosedPeriod()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public PeriodLength Length { get; private init; }
    public DateOnly Start { get; private init; }
    public DateOnly End { get; private init; }
    public DateTimeOffset ClosedAt { get; private init; }
    public List<ClosedPeriodResult> Results { get; private init; } = [];

    public PeriodSpan Span => new(Start, End);

    public static ClosedPeriod Freeze(
        Guid tenantId, PeriodLength length, PeriodSpan period, IEnumerable<StandardMeasurement> scorecard, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var closed = new ClosedPeriod
        {
            Id = ServicePeriodIds.Of(tenantId, length, period.Start),
            TenantId = tenantId,
            Length = length,
            Start = period.Start,
            End = period.End,
            ClosedAt = now,
        };
        closed.Results.AddRange(scorecard.Select(line => ClosedPeriodResult.Of(closed, line, now)));
        return closed;
    }
}
