namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>The stretch of time a measurement covers: from <see cref="From"/> inclusive to <see cref="To"/> exclusive.</summary>
public readonly record struct MeasurementWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset moment) => moment >= From && moment < To;
}
