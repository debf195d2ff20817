namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>The bucket a report counts by: ISO weeks (Monday to Sunday) or calendar months, in UTC.</summary>
public enum ReportPeriod
{
    Week,
    Month,
}
