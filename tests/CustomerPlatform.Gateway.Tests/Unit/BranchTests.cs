using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Unit;

public sealed class BranchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("north", true)]
    [InlineData("N-1_a.b", true)]
    [InlineData("-north", false)]
    [InlineData("north branch", false)]
    [InlineData("", false)]
    [InlineData("nörth", false)]
    public void IsValidCode_AcceptsOnlyPathSafeCodes(string code, bool valid) =>
        Assert.Equal(valid, BranchDetails.IsValidCode(code));

    [Fact]
    public void IsValidCode_FiftyOneCharacters_IsRefused() =>
        Assert.False(BranchDetails.IsValidCode(new string('a', 51)));

    [Fact]
    public void TryCreate_ValidDetails_AreTrimmedAndSorted()
    {
        var errors = new Dictionary<string, string[]>();

        var details = BranchDetails.TryCreate(
            " North ",
            new PostalAddress(" 1 High St ", " ", " Leeds ", null, "LS1", " gb "),
            "Europe/London",
            [Period(DayOfWeek.Sunday, 10, 16), Period(DayOfWeek.Monday, 13, 17), Period(DayOfWeek.Monday, 9, 12)],
            [new Holiday(new DateOnly(2026, 12, 26), "Boxing Day"), new Holiday(new DateOnly(2026, 12, 25), " Christmas ")],
            errors);

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal("North", details.Name);
        Assert.Equal(new PostalAddress("1 High St", null, "Leeds", null, "LS1", "GB"), details.Address);
        Assert.Equal([Period(DayOfWeek.Monday, 9, 12), Period(DayOfWeek.Monday, 13, 17), Period(DayOfWeek.Sunday, 10, 16)], details.OpeningHours);
        Assert.Equal([new Holiday(new DateOnly(2026, 12, 25), "Christmas"), new Holiday(new DateOnly(2026, 12, 26), "Boxing Day")], details.Holidays);
    }

    [Fact]
    public void TryCreate_ClosingAtMidnight_IsTheEndOfTheDay()
    {
        var errors = new Dictionary<string, string[]>();

        var details = BranchDetails.TryCreate("Late", null, "Europe/London", [new OpeningPeriod(DayOfWeek.Friday, new TimeOnly(18, 0), TimeOnly.MinValue)], [], errors);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromHours(24), details!.OpeningHours[0].ClosesAfterMidnight);
    }

    [Fact]
    public void TryCreate_WindowsTimeZoneId_IsRefusedForAnIanaOne()
    {
        var errors = new Dictionary<string, string[]>();

        var details = BranchDetails.TryCreate("North", null, "GMT Standard Time", [], [], errors);

        Assert.Null(details);
        Assert.Contains("IANA", errors["timeZone"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_TouchingPeriods_AreNotAnOverlap()
    {
        var errors = new Dictionary<string, string[]>();

        BranchDetails.TryCreate("North", null, "Europe/London", [Period(DayOfWeek.Monday, 9, 12), Period(DayOfWeek.Monday, 12, 17)], [], errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Update_ChangedNameAndHours_NamesBothAndCountsOneRevision()
    {
        var branch = Branch.Register(Guid.NewGuid(), "north", Details("North", Period(DayOfWeek.Monday, 9, 17)), Now);

        var changed = branch.Update(Details("North Street", Period(DayOfWeek.Monday, 8, 17)), Now.AddHours(1));

        Assert.Equal(["name", "openingHours"], changed);
        Assert.Equal(2, branch.Revision);
        Assert.Equal(Now.AddHours(1), branch.UpdatedAt);
    }

    [Fact]
    public void Update_SameDetails_ChangesNothing()
    {
        var branch = Branch.Register(Guid.NewGuid(), "north", Details("North", Period(DayOfWeek.Monday, 9, 17)), Now);

        var changed = branch.Update(Details("North", Period(DayOfWeek.Monday, 9, 17)), Now.AddHours(1));

        Assert.Empty(changed);
        Assert.Equal(1, branch.Revision);
        Assert.Equal(Now, branch.UpdatedAt);
    }

    [Fact]
    public void Close_Twice_ClosesOnceAndThenRefusesUpdates()
    {
        var branch = Branch.Register(Guid.NewGuid(), "north", Details("North"), Now);

        Assert.True(branch.Close(Now));
        Assert.False(branch.Close(Now.AddDays(1)));

        Assert.Equal(Now, branch.ClosedAt);
        Assert.Equal(2, branch.Revision);
        var refused = Assert.Throws<DomainException>(() => branch.Update(Details("Reopened"), Now));
        Assert.Equal("branch-closed", refused.Code);
    }

    private static OpeningPeriod Period(DayOfWeek day, int opens, int closes) => new(day, new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    private static BranchDetails Details(string name, params OpeningPeriod[] hours) => new(name, null, "Europe/London", hours, []);
}
