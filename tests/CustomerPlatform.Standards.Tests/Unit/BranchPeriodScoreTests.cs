using CustomerPlatform.Standards.Domain;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class BranchPeriodScoreTests
{
    [Fact]
    public void Count_RatingsOfEveryCategory_TalliesEachAndScores()
    {
        var score = BranchPeriodScore.Start(Guid.NewGuid(), "central", ServicePeriod.Containing(DateTimeOffset.UtcNow));

        foreach (var rating in new[] { 10, 9, 8, 3 })
        {
            score.Count(rating);
        }

        Assert.Equal(2, score.Promoters);
        Assert.Equal(1, score.Passives);
        Assert.Equal(1, score.Detractors);
        Assert.Equal(4, score.Responses);
        Assert.Equal(25.0m, score.Nps);
    }

    [Fact]
    public void Count_RatingOutOfRange_ThrowsAndCountsNothing()
    {
        var score = BranchPeriodScore.Start(Guid.NewGuid(), "central", ServicePeriod.Containing(DateTimeOffset.UtcNow));

        Assert.Throws<ArgumentOutOfRangeException>(() => score.Count(11));

        Assert.Equal(0, score.Responses);
        Assert.Null(score.Nps);
    }
}
