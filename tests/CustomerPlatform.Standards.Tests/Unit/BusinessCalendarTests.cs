using CustomerPlatform.Contracts.Branches;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class BusinessCalendarTests
{
    // Mon-Fri 09:00-17:00 with a 12:00-13:00 lunch break, Saturday 10:00-14:00; London (GMT in winter, BST in summer).
    private static readonly BusinessCalendar London = new(
        "Europe/London",
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .SelectMany(day => new[] { new OpeningPeriod(day, new(9, 0), new(12, 0)), new OpeningPeriod(day, new(13, 0), new(17, 0)) }),
            new OpeningPeriod(DayOfWeek.Saturday, new(10, 0), new(14, 0)),
        ],
        [new Holiday(new DateOnly(2026, 12, 25), "Christmas Day")]);

    [Theory]
    // Monday 16:00 + 2 h: one hour on Monday, the second on Tuesday from 09:00.
    [InlineData("2026-11-23T16:00:00Z", 120, "2026-11-24T10:00:00Z")]
    // Before opening: the clock starts at 09:00.
    [InlineData("2026-11-23T07:00:00Z", 60, "2026-11-23T10:00:00Z")]
    // Across the lunch break.
    [InlineData("2026-11-23T11:30:00Z", 60, "2026-11-23T13:30:00Z")]
    // Friday 16:30 + 1 h: half an hour on Friday, half on Saturday morning.
    [InlineData("2026-11-27T16:30:00Z", 60, "2026-11-28T10:30:00Z")]
    // Thursday 24 December 16:00 + 2 h: Christmas Day is closed, so Saturday 26th.
    [InlineData("2026-12-24T16:00:00Z", 120, "2026-12-26T11:00:00Z")]
    // Summer time: 09:00 in London is 08:00 UTC.
    [InlineData("2026-06-01T07:00:00Z", 30, "2026-06-01T08:30:00Z")]
    // The clocks go forward on Sunday 29 March 2026: Friday 16:00 GMT + 2 h ends Monday 10:00 BST (09:00 UTC), Saturday between.
    [InlineData("2026-03-27T16:00:00Z", 360, "2026-03-30T09:00:00Z")]
    public void Add_CountsOnlyOpeningHoursInTheBranchsZone(string start, int minutes, string expected)
    {
        var due = London.Add(DateTimeOffset.Parse(start), TimeSpan.FromMinutes(minutes));

        Assert.Equal(DateTimeOffset.Parse(expected), due);
    }

    [Theory]
    [InlineData("2026-11-23T16:00:00Z", "2026-11-24T10:00:00Z", 120)]
    [InlineData("2026-11-23T12:15:00Z", "2026-11-23T12:45:00Z", 0)]
    [InlineData("2026-11-28T15:00:00Z", "2026-11-30T08:00:00Z", 0)]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-23T16:00:00Z", 0)]
    [InlineData("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 5 * 7 * 60 + 4 * 60)]
    public void BusinessTimeBetween_CountsOnlyOpeningHours(string from, string to, int minutes)
    {
        var elapsed = London.BusinessTimeBetween(DateTimeOffset.Parse(from), DateTimeOffset.Parse(to));

        Assert.Equal(TimeSpan.FromMinutes(minutes), elapsed);
    }

    [Fact]
    public void Add_ThenBusinessTimeBetween_GivesTheSpanBack()
    {
        var start = DateTimeOffset.Parse("2026-11-26T15:10:00Z");

        var due = London.Add(start, TimeSpan.FromHours(9));

        Assert.Equal(TimeSpan.FromHours(9), London.BusinessTimeBetween(start, due));
    }

    [Fact]
    public void AlwaysOpen_IsElapsedTime()
    {
        var start = DateTimeOffset.Parse("2026-11-26T15:10:00Z");

        Assert.Equal(start.AddHours(30), BusinessCalendar.AlwaysOpen.Add(start, TimeSpan.FromHours(30)));
        Assert.Equal(TimeSpan.FromHours(30), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(start, start.AddHours(30)));
    }

    [Fact]
    public void Add_OnACalendarWithoutOpeningHours_Throws()
    {
        var closed = new BusinessCalendar("Europe/Berlin", [], []);

        Assert.False(closed.HasOpeningHours);
        Assert.Throws<InvalidOperationException>(() => closed.Add(DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
    }
}
