using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class FeedbackItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();

    [Fact]
    public void Record_WithValidRating_KeepsTheFacts()
    {
        var customerId = Guid.NewGuid();

        var item = FeedbackItem.Record(TenantId, customerId, " LON-01 ", 9, "Lovely staff", Now);

        Assert.NotEqual(Guid.Empty, item.Id);
        Assert.Equal(TenantId, item.TenantId);
        Assert.Equal(customerId, item.CustomerId);
        Assert.Equal("LON-01", item.Branch);
        Assert.Equal(9, item.Rating);
        Assert.Equal("Lovely staff", item.Comment);
        Assert.Equal(Now, item.ReceivedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Record_WithRatingAtBounds_IsAccepted(int rating)
    {
        var item = FeedbackItem.Record(TenantId, null, "LON-01", rating, null, Now);

        Assert.Equal(rating, item.Rating);
        Assert.Null(item.CustomerId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Record_WithRatingOutOfRange_ThrowsInvalidRating(int rating)
    {
        var exception = Assert.Throws<DomainException>(() => FeedbackItem.Record(TenantId, null, "LON-01", rating, null, Now));

        Assert.Equal("invalid-rating", exception.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Theory]
    [InlineData("  Great coffee \n", "Great coffee")]
    [InlineData("Fine", "Fine")]
    public void Record_WithComment_TrimsIt(string comment, string expected)
    {
        var item = FeedbackItem.Record(TenantId, null, "LON-01", 7, comment, Now);

        Assert.Equal(expected, item.Comment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Record_WithEmptyComment_StoresNoComment(string? comment)
    {
        var item = FeedbackItem.Record(TenantId, null, "LON-01", 7, comment, Now);

        Assert.Null(item.Comment);
    }
}
