using CustomerPlatform.Standards.Domain;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class NetPromoterScoreTests
{
    [Theory]
    [InlineData(0, NetPromoterScore.Category.Detractor)]
    [InlineData(6, NetPromoterScore.Category.Detractor)]
    [InlineData(7, NetPromoterScore.Category.Passive)]
    [InlineData(8, NetPromoterScore.Category.Passive)]
    [InlineData(9, NetPromoterScore.Category.Promoter)]
    [InlineData(10, NetPromoterScore.Category.Promoter)]
    public void Classify_RatingAtBoundary_ReturnsItsCategory(int rating, NetPromoterScore.Category expected)
    {
        var category = NetPromoterScore.Classify(rating);

        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Classify_RatingOutOfRange_Throws(int rating)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Classify(rating));

        Assert.Equal("rating", exception.ParamName);
    }

    [Fact]
    public void Compute_NoResponses_ReturnsNull()
    {
        var nps = NetPromoterScore.Compute(0, 0, 0);

        Assert.Null(nps);
    }

    [Theory]
    [InlineData(2, 0, 1, "33.3")]
    [InlineData(1, 0, 2, "-33.3")]
    [InlineData(2, 1, 0, "66.7")]
    [InlineData(1, 1, 1, "0")]
    [InlineData(5, 0, 0, "100")]
    [InlineData(0, 3, 0, "0")]
    [InlineData(0, 0, 4, "-100")]
    public void Compute_Responses_ReturnsPromotersMinusDetractorsPercentToOneDecimal(int promoters, int passives, int detractors, string expected)
    {
        var nps = NetPromoterScore.Compute(promoters, passives, detractors);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), nps);
    }

    [Theory]
    [InlineData(1, 79, 0, "1.3")]
    [InlineData(0, 79, 1, "-1.3")]
    public void Compute_ExactlyHalfwayAtSecondDecimal_RoundsAwayFromZero(int promoters, int passives, int detractors, string expected)
    {
        var nps = NetPromoterScore.Compute(promoters, passives, detractors);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), nps);
    }
}
