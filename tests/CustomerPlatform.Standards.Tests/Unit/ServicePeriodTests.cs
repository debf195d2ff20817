using CustomerPlatform.Standards.Domain;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class ServicePeriodTests
{
    [Fact]
    public void Containing_MomentInsideMonth_StartsOnTheFirstAndEndsOnTheNextFirst()
    {
        var period = ServicePeriod.Containing(new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 1), period.Start);
        Assert.Equal(new DateOnly(2026, 12, 1), period.End);
        Assert.Equal("2026-11", period.ToString());
    }

    [Fact]
    public void Containing_LocalTimeAlreadyNextMonthInUtc_UsesTheUtcMonth()
    {
        var lateEveningInNewYork = new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.FromHours(-5));

        var period = ServicePeriod.Containing(lateEveningInNewYork);

        Assert.Equal(new DateOnly(2026, 12, 1), period.Start);
    }

    [Fact]
    public void Containing_December_EndsInJanuaryOfNextYear()
    {
        var period = ServicePeriod.Containing(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 1, 1), period.End);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2026-01", 2026, 1)]
    [InlineData("2000-12", 2000, 12)]
    [InlineData("9998-12", 9998, 12)]
    public void TryParse_YearDashMonth_ReturnsThatMonth(string text, int year, int month)
    {
        var parsed = ServicePeriod.TryParse(text, out var period);

        Assert.True(parsed);
        Assert.Equal(new DateOnly(year, month, 1), period.Start);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026-011")]
    [InlineData("26-11")]
    [InlineData("2026/11")]
    [InlineData("2026-11-01")]
    [InlineData("1999-12")]
    [InlineData("9999-01")]
    [InlineData("abcd-ef")]
    [InlineData("2026-+1")]
    [InlineData("2026- 1")]
    [InlineData("2026-1 ")]
    public void TryParse_NotYearDashMonth_ReturnsFalse(string? text)
    {
        var parsed = ServicePeriod.TryParse(text, out var period);

        Assert.False(parsed);
        Assert.Equal(default, period);
    }
}
