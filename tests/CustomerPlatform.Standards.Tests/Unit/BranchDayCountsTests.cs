using CustomerPlatform.Standards.Domain;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class BranchDayCountsTests
{
    [Fact]
    public void CountRating_RatingsOfEveryCategory_TalliesEachAndScores()
    {
        var counts = BranchDayCounts.Start(Guid.NewGuid(), "central", DateTimeOffset.UtcNow);

        foreach (var rating in new[] { 10, 9, 8, 3 })
        {
            counts.CountRating(rating);
        }

        Assert.Equal(2, counts.Promoters);
        Assert.Equal(1, counts.Passives);
        Assert.Equal(1, counts.Detractors);
        Assert.Equal(4, counts.Responses);
        Assert.Equal(25.0m, counts.Nps);
    }

    [Fact]
    public void CountRating_RatingOutOfRange_ThrowsAndCountsNothing()
    {
        var counts = BranchDayCounts.Start(Guid.NewGuid(), "central", DateTimeOffset.UtcNow);

        Assert.Throws<ArgumentOutOfRangeException>(() => counts.CountRating(11));

        Assert.Equal(0, counts.Responses);
        Assert.Null(counts.Nps);
    }

    [Fact]
    public void Start_LateEveningOffset_CountsOnTheUtcDay()
    {
        var counts = BranchDayCounts.Start(Guid.NewGuid(), "central", new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateOnly(2026, 4, 1), counts.Day);
    }

    [Fact]
    public void CountCsatAndCes_SatisfiedAreFourOrFive_AndEffortIsSummed()
    {
        var counts = BranchDayCounts.Start(Guid.NewGuid(), "central", DateTimeOffset.UtcNow);

        foreach (var answer in new[] { 5, 4, 3, 1 })
        {
            counts.CountCsat(answer);
        }

        counts.CountCes(2);
        counts.CountCes(7);

        Assert.Equal(4, counts.CsatAnswers);
        Assert.Equal(2, counts.CsatSatisfied);
        Assert.Equal(2, counts.CesAnswers);
        Assert.Equal(9, counts.CesTotal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]
    [InlineData(3, 0)]
    [InlineData(3, 8)]
    public void CountCsatOrCes_OutOfScale_Throws(int csat, int ces)
    {
        var counts = BranchDayCounts.Start(Guid.NewGuid(), "central", DateTimeOffset.UtcNow);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            counts.CountCsat(csat);
            counts.CountCes(ces);
        });
    }
}
