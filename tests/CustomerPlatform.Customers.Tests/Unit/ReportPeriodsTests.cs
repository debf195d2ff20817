using CustomerPlatform.ServiceDefaults.Reports;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class ReportPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026-11-22", "2026-11-16")]
    [InlineData("2026-11-18", "2026-11-16")]
    [InlineData("2027-01-01", "2026-12-28")]
    [InlineData("2026-03-01", "2026-02-23")]
    public void StartOf_Week_IsTheMondayOfItsIsoWeek(string day, string monday)
    {
        var start = ReportPeriods.StartOf(DateOnly.Parse(day), ReportPeriod.Week);

        Assert.Equal(DateOnly.Parse(monday), start);
        Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-01")]
    [InlineData("2024-02-29", "2024-02-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    public void StartOf_Month_IsTheFirst(string day, string first)
    {
        Assert.Equal(DateOnly.Parse(first), ReportPeriods.StartOf(DateOnly.Parse(day), ReportPeriod.Month));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-10-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("2026-03-31", "2026-01-01")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("2026-09-15", "2026-07-01")]
    public void StartOf_Quarter_IsTheFirstOfItsFirstMonth(string day, string first)
    {
        Assert.Equal(DateOnly.Parse(first), ReportPeriods.StartOf(DateOnly.Parse(day), ReportPeriod.Quarter));
    }

    [Fact]
    public void EndOf_AndNeighbours_FollowTheCalendar()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ReportPeriods.EndOf(new DateOnly(2024, 2, 1), ReportPeriod.Month));
        Assert.Equal(new DateOnly(2026, 11, 22), ReportPeriods.EndOf(new DateOnly(2026, 11, 16), ReportPeriod.Week));
        Assert.Equal(new DateOnly(2025, 12, 1), ReportPeriods.Previous(new DateOnly(2026, 1, 1), ReportPeriod.Month));
        Assert.Equal(new DateOnly(2026, 1, 5), ReportPeriods.Next(new DateOnly(2025, 12, 29), ReportPeriod.Week));
        Assert.Equal(new DateOnly(2026, 12, 31), ReportPeriods.EndOf(new DateOnly(2026, 10, 1), ReportPeriod.Quarter));
        Assert.Equal(new DateOnly(2025, 10, 1), ReportPeriods.Previous(new DateOnly(2026, 1, 1), ReportPeriod.Quarter));
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-22", ReportPeriod.Week, 1)]
    [InlineData("2026-11-15", "2026-11-16", ReportPeriod.Week, 2)]
    [InlineData("2025-12-31", "2026-01-01", ReportPeriod.Month, 2)]
    [InlineData("2025-01-15", "2026-12-01", ReportPeriod.Month, 24)]
    [InlineData("2025-12-31", "2026-01-01", ReportPeriod.Quarter, 2)]
    [InlineData("2026-01-01", "2026-03-31", ReportPeriod.Quarter, 1)]
    [InlineData("2025-02-15", "2026-11-22", ReportPeriod.Quarter, 8)]
    public void Count_IncludesBothEndBuckets(string from, string to, ReportPeriod period, int expected)
    {
        Assert.Equal(expected, ReportPeriods.Count(DateOnly.Parse(from), DateOnly.Parse(to), period));
    }

    [Fact]
    public void TryRead_WithNothing_IsTheLastTwelveWeeksEndingThisWeek()
    {
        var errors = new Dictionary<string, string[]>();

        var range = ReportRange.TryRead(null, null, null, Today, errors);

        Assert.NotNull(range);
        Assert.Equal(ReportPeriod.Week, range.Period);
        Assert.Equal(new DateOnly(2026, 11, 16), range.Last);
        Assert.Equal(12, range.BucketCount);
        Assert.Equal(new DateOnly(2026, 8, 31), range.First);
        Assert.Equal(new DateOnly(2026, 8, 24), range.QueryStart);
        Assert.Equal(new DateOnly(2026, 11, 23), range.End);
    }

    [Fact]
    public void TryRead_Months_SnapsBothEndsToTheirMonths()
    {
        var errors = new Dictionary<string, string[]>();

        var range = ReportRange.TryRead("Month", "2026-01-15", "2026-03-02", Today, errors);

        Assert.NotNull(range);
        Assert.Equal(new DateOnly(2026, 1, 1), range.First);
        Assert.Equal(new DateOnly(2026, 3, 1), range.Last);
        Assert.Equal(new DateOnly(2026, 3, 31), range.LastDay);
        Assert.Equal(new DateOnly(2025, 12, 1), range.QueryStart);
    }

    [Theory]
    [InlineData("week", "2024-11-25", "2026-11-22", null)]
    [InlineData("week", "2024-11-24", "2026-11-22", "to")]
    [InlineData("month", "2023-12-01", "2026-11-30", null)]
    [InlineData("month", "2023-11-30", "2026-11-30", "to")]
    [InlineData("quarter", "2022-01-01", "2026-12-31", null)]
    [InlineData("quarter", "2021-12-31", "2026-12-31", "to")]
    [InlineData("day", null, null, "period")]
    [InlineData("week", "2026-11-23", "2026-11-22", "from")]
    [InlineData("week", "2026-11", null, "from")]
    [InlineData("week", null, "22/11/2026", "to")]
    [InlineData("week", "0001-01-01", null, "from")]
    [InlineData("month", null, "9999-12-31", "to")]
    public void TryRead_Limits_NameTheFieldAtFault(string period, string? from, string? to, string? field)
    {
        var errors = new Dictionary<string, string[]>();

        var range = ReportRange.TryRead(period, from, to, Today, errors);

        if (field is null)
        {
            Assert.NotNull(range);
            Assert.Empty(errors);
        }
        else
        {
            Assert.Null(range);
            Assert.Equal([field], errors.Keys);
        }
    }

    [Theory]
    [InlineData(5, 3, 2, 66.7)]
    [InlineData(3, 6, -3, -50.0)]
    [InlineData(4, 4, 0, 0.0)]
    [InlineData(0, 2, -2, -100.0)]
    public void PeriodChange_AgainstAPreviousCount_IsAbsoluteAndPercent(long count, long previous, long absolute, double percent)
    {
        var change = PeriodChange.Between(count, previous);

        Assert.Equal(absolute, change.Absolute);
        Assert.Equal((decimal)percent, change.Percent);
    }

    [Fact]
    public void PeriodChange_FromZero_HasNoPercent()
    {
        var change = PeriodChange.Between(3, 0);

        Assert.Equal(3, change.Absolute);
        Assert.Null(change.Percent);
    }
}
