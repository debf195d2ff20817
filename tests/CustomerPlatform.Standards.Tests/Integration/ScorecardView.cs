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
    decimal? Nps);
