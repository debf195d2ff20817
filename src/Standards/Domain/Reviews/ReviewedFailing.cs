namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>A standard that failed in a branch over a closed period, as the period's frozen scorecard named it.</summary>
public sealed record ReviewedFailing(
    Guid PeriodId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid StandardId,
    int StandardVersion,
    string Metric,
    string Branch,
    decimal? Actual,
    decimal Target,
    IReadOnlyList<Guid> BreachedComplaintIds);
