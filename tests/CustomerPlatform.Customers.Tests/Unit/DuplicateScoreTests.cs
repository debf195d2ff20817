using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class DuplicateScoreTests
{
    [Theory]
    [InlineData(DuplicateReason.Email, 0.9)]
    [InlineData(DuplicateReason.Phone, 0.8)]
    public void Of_OneContactReason_IsItsWeight(DuplicateReason reason, double expected)
    {
        var score = DuplicateScore.Of([reason], nameSimilarity: 0);

        Assert.Equal((decimal)expected, score);
    }

    [Theory]
    [InlineData(0.6, 0.6)]
    [InlineData(0.8, 0.7)]
    [InlineData(1.0, 0.8)]
    public void Of_NameAndPostcode_GrowsWithSimilarity(double similarity, double expected)
    {
        var score = DuplicateScore.Of([DuplicateReason.NameAndPostcode], similarity);

        Assert.Equal((decimal)expected, score);
    }

    [Fact]
    public void Of_SeveralReasons_AddUpCappedAtOne()
    {
        var score = DuplicateScore.Of([DuplicateReason.Email, DuplicateReason.Phone, DuplicateReason.NameAndPostcode], 1.0);

        Assert.Equal(1m, score);
    }

    [Fact]
    public void Of_NoReason_IsZero()
    {
        var score = DuplicateScore.Of([], 0.9);

        Assert.Equal(0m, score);
    }

    [Fact]
    public void Pair_EitherOrder_GivesTheSamePairOrderedAsPostgresOrdersUuids()
    {
        var low = Guid.Parse("0a000000-0000-0000-0000-000000000000");
        var high = Guid.Parse("f0000000-0000-0000-0000-00000000000a");

        var forward = DuplicateScore.Pair(low, high);
        var backward = DuplicateScore.Pair(high, low);

        Assert.Equal((low, high), forward);
        Assert.Equal(forward, backward);
    }

    [Theory]
    [InlineData(" sw1a 1aa ", "SW1A1AA")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void PostcodeKey_IsUpperCaseWithoutSpaces(string? postcode, string? expected)
    {
        var key = DuplicateScore.PostcodeKey(postcode);

        Assert.Equal(expected, key);
    }
}
