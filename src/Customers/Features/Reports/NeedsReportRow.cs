using CustomerPlatform.ServiceDefaults.Reports;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>One count of the needs report: a value of a dimension in one period, beside the period before.</summary>
/// <param name="Value">The topic, purpose, channel or branch (wire spelling); <c>all</c> for the total.</param>
public sealed record NeedsReportRow(DateOnly PeriodStart, NeedsDimension Dimension, string Value, long Count, long PreviousCount)
{
    public PeriodChange Change => PeriodChange.Between(Count, PreviousCount);
}
