namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>GET /api/v1/standards/scorecard as it is on the wire.</summary>
internal sealed record ScorecardView(
    string Branch,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Responses,
    int Promoters,
    int Passives,
    int Detractors,
    decimal? Nps,
    IReadOnlyList<ScorecardLineView> Standards);

/// <summary>One standard of the scorecard as it is on the wire.</summary>
internal sealed record ScorecardLineView(
    Guid StandardId,
    int StandardVersion,
    string Name,
    string Metric,
    string Comparator,
    decimal Target,
    decimal? Warning,
    decimal? Actual,
    long SampleSize,
    string Outcome,
    IReadOnlyList<ScorecardFailingView> Failings);

internal sealed record ScorecardFailingView(string Kind, Guid Id, string Detail);
