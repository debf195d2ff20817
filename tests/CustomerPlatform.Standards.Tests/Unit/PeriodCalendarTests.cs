using CustomerPlatform.Standards.Domain.Periods;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class PeriodCalendarTests
{
    [Theory]
    [InlineData(PeriodLength.Week, "2026-11-25", "2026-11-23", "2026-11-30")]
    [InlineData(PeriodLength.Week, "2026-11-23", "2026-11-23", "2026-11-30")]
    [InlineData(PeriodLength.Week, "2026-11-29", "2026-11-23", "2026-11-30")]
    [InlineData(PeriodLength.Month, "2026-02-28", "2026-02-01", "2026-03-01")]
    [InlineData(PeriodLength.Quarter, "2026-12-31", "2026-10-01", "2027-01-01")]
    [InlineData(PeriodLength.Quarter, "2026-04-01", "2026-04-01", "2026-07-01")]
    public void Containing_ADay_IsThePeriodOnItsNaturalBoundaries(PeriodLength length, string day, string start, string end)
    {
        var period = new PeriodCalendar(length).Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
    }

    [Theory]
    [InlineData(PeriodLength.Week, "2026-07-01", false)]
    [InlineData(PeriodLength.Week, "2026-06-29", true)]
    [InlineData(PeriodLength.Month, "2026-07-02", false)]
    [InlineData(PeriodLength.Quarter, "2026-08-01", false)]
    [InlineData(PeriodLength.Quarter, "2026-07-01", true)]
    public void IsStart_OnlyNaturalBoundaries(PeriodLength length, string day, bool expected) =>
        Assert.Equal(expected, new PeriodCalendar(length).IsStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PeriodId_SameInputs_SameId_OtherLength_OtherId()
    {
        var tenantId = Guid.NewGuid();
        var start = new DateOnly(2026, 7, 1);

        Assert.Equal(ServicePeriodIds.Of(tenantId, PeriodLength.Month, start), ServicePeriodIds.Of(tenantId, PeriodLength.Month, start));
        Assert.NotEqual(ServicePeriodIds.Of(tenantId, PeriodLength.Month, start), ServicePeriodIds.Of(tenantId, PeriodLength.Quarter, start));
    }
}
