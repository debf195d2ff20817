namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>The bucket a report counts by: ISO weeks (Monday to Sunday), calendar months or calendar quarters, in UTC.</summary>
public enum ReportPeriod
{
    Week,
    Month,
    Quarter,
}
