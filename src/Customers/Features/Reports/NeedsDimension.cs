namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>What a needs-report count is of; the numbers are the order rows come in.</summary>
public enum NeedsDimension
{
    Total = 0,
    Topic = 1,
    Purpose = 2,
    Channel = 3,
    Branch = 4,
}
