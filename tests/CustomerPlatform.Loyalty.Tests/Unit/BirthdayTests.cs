using CustomerPlatform.Loyalty.Domain;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class BirthdayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("02-29", 2027, "2027-02-28")]
    [InlineData("02-29", 2028, "2028-02-29")]
    [InlineData("12-31", 2026, "2026-12-31")]
    public void In_AYear_FallsOnTheDayOrTheTwentyEighthForALeapDay(string text, int year, string expected)
    {
        var birthday = Birthday.Parse(text);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), birthday!.In(year));
        Assert.Equal(text, birthday.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("2-3")]
    [InlineData("1990-02-03")]
    public void Parse_NotAMonthAndDay_IsNull(string? text) => Assert.Null(Birthday.Parse(text));

    [Fact]
    public void NextOnOrAfter_TodayIsToday_APassedOneIsNextYear()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(today, Birthday.Parse("11-23")!.NextOnOrAfter(today));
        Assert.Equal(new DateOnly(2027, 11, 22), Birthday.Parse("11-22")!.NextOnOrAfter(today));
    }

    [Fact]
    public void BonusSourceId_IsTheSameForAnAccountAndYear_AndDiffersOtherwise()
    {
        var account = Guid.NewGuid();

        Assert.Equal(Birthday.BonusSourceId(account, 2026), Birthday.BonusSourceId(account, 2026));
        Assert.NotEqual(Birthday.BonusSourceId(account, 2026), Birthday.BonusSourceId(account, 2027));
        Assert.NotEqual(Birthday.BonusSourceId(account, 2026), Birthday.BonusSourceId(Guid.NewGuid(), 2026));
        Assert.Equal(8, Birthday.BonusSourceId(account, 2026).Version);
    }

    [Fact]
    public void Account_TakeDueBirthday_GivesTheDayOnceAndMovesAYearOn()
    {
        var account = LoyaltyAccount.Open(Guid.NewGuid(), Guid.NewGuid(), Now);
        account.RecordBirthday(Birthday.Parse("02-29"), Now, new DateOnly(2027, 2, 1));

        var early = account.TakeDueBirthday(new DateTimeOffset(2027, 2, 27, 23, 0, 0, TimeSpan.Zero));
        var due = account.TakeDueBirthday(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero));
        var again = account.TakeDueBirthday(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Null(early);
        Assert.Equal(new DateOnly(2027, 2, 28), due);
        Assert.Null(again);
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), account.NextBirthdayAt);
    }

    [Fact]
    public void Account_RecordBirthday_OlderNewsIsIgnored_AndErasureCannotBeUndone()
    {
        var account = LoyaltyAccount.Open(Guid.NewGuid(), Guid.NewGuid(), Now);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        account.RecordBirthday(Birthday.Parse("05-05"), Now, today);
        account.RecordBirthday(Birthday.Parse("06-06"), Now.AddMinutes(-1), today);
        var kept = account.Birthday;
        account.ForgetBirthday(Now.AddMinutes(1));
        account.RecordBirthday(Birthday.Parse("07-07"), Now.AddSeconds(30), today);

        Assert.Equal(Birthday.Parse("05-05"), kept);
        Assert.Null(account.Birthday);
        Assert.Null(account.NextBirthdayAt);
    }

    [Fact]
    public void Account_RecordReferrer_KeepsTheFirstAndRefusesItself()
    {
        var account = LoyaltyAccount.Open(Guid.NewGuid(), Guid.NewGuid(), Now);
        var referrer = Guid.NewGuid();

        account.RecordReferrer(account.CustomerId);
        account.RecordReferrer(referrer);
        account.RecordReferrer(Guid.NewGuid());

        Assert.Equal(referrer, account.ReferredByCustomerId);
    }
}
