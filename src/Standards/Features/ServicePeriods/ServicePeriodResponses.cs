using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>Where a period stands.</summary>
public enum PeriodStatus
{
    /// <summary>Running now.</summary>
    Open,

    /// <summary>Past its end, not closed yet: its scorecard is still live.</summary>
    Ended,

    /// <summary>Closed: its scorecard is frozen.</summary>
    Closed,
}

/// <param name="ClosedAt">Null until closed.</param>
public sealed record ServicePeriodSummary(Guid Id, DateOnly Start, DateOnly End, PeriodStatus Status, DateTimeOffset? ClosedAt);

/// <param name="Kind"><c>complaint</c> for now.</param>
public sealed record StandardFailingResponse(string Kind, Guid Id, string Detail);

/// <summary>One standard held against one branch over the period.</summary>
/// <param name="Failed">Whether the outcome is breached.</param>
/// <param name="PreviousActual">The actual of the same standard and branch in the previous closed period; null when none.</param>
/// <param name="Change">Actual minus previous actual, when both exist.</param>
public sealed record ServicePeriodResultResponse(
    Guid StandardId,
    int StandardVersion,
    string Name,
    string Metric,
    string Branch,
    Comparator Comparator,
    decimal Target,
    decimal? Warning,
    decimal? Actual,
    long SampleSize,
    StandardOutcome Outcome,
    bool Failed,
    decimal? PreviousActual,
    decimal? Change,
    IReadOnlyList<StandardFailingResponse> Failings);

/// <summary>A period and its scorecard: live until it closes, frozen after.</summary>
public sealed record ServicePeriodResponse(
    Guid Id, DateOnly Start, DateOnly End, PeriodStatus Status, DateTimeOffset? ClosedAt, IReadOnlyList<ServicePeriodResultResponse> Results);

public sealed record ServicePeriodListResponse(IReadOnlyList<ServicePeriodSummary> Items);

public sealed record ComparedPeriod(DateOnly Start, DateOnly End);

public sealed record ComparedResult(DateOnly Start, decimal? Actual, StandardOutcome Outcome);

/// <param name="Results">One per compared period the standard was held in, oldest first.</param>
public sealed record ComparedStandard(Guid StandardId, string Name, string Metric, string Branch, IReadOnlyList<ComparedResult> Results);

/// <param name="Periods">The closed periods compared, oldest first.</param>
public sealed record ServicePeriodComparisonResponse(IReadOnlyList<ComparedPeriod> Periods, IReadOnlyList<ComparedStandard> Standards);
