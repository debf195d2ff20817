using CustomerPlatform.Standards.Domain;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CountFeedbackTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    [Fact]
    public async Task Scorecard_ThreeRatingsThisMonth_CountsPromotersAndDetractorsAndScores()
    {
        var tenantId = Guid.NewGuid();

        await fixture.RecordAsync(
            StandardsServiceFixture.Feedback(tenantId, "central", 10),
            StandardsServiceFixture.Feedback(tenantId, "central", 9),
            StandardsServiceFixture.Feedback(tenantId, "central", 3));

        var scorecard = await fixture.GetScorecardAsync(tenantId, "branch=central");
        Assert.Equal("central", scorecard.Branch);
        Assert.Equal(ServicePeriod.Containing(DateTimeOffset.UtcNow).ToString(), scorecard.Period);
        Assert.Equal(3, scorecard.Responses);
        Assert.Equal(2, scorecard.Promoters);
        Assert.Equal(0, scorecard.Passives);
        Assert.Equal(1, scorecard.Detractors);
        Assert.Equal(33.3m, scorecard.Nps);
    }

    [Fact]
    public async Task Scorecard_SameMessageDeliveredTwice_CountsItOnce()
    {
        var tenantId = Guid.NewGuid();
        var feedback = StandardsServiceFixture.Feedback(tenantId, "central", 10);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(feedback, messageId);
        await fixture.PublishAsync(feedback, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2, queue: StandardsServiceFixture.FeedbackReceivedQueue);

        var scorecard = await fixture.GetScorecardAsync(tenantId, "branch=central");
        Assert.Equal(1, scorecard.Responses);
        Assert.Equal(1, scorecard.Promoters);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer = 'standards.count-feedback'", ("id", messageId)));
    }

    [Fact]
    public async Task Scorecard_RatingsOfAnotherBranchAndAnotherTenant_DoNotLeakIn()
    {
        var tenantId = Guid.NewGuid();
        var otherTenantId = Guid.NewGuid();

        await fixture.RecordAsync(
            StandardsServiceFixture.Feedback(tenantId, "central", 10),
            StandardsServiceFixture.Feedback(tenantId, "north", 2),
            StandardsServiceFixture.Feedback(otherTenantId, "central", 0),
            StandardsServiceFixture.Feedback(otherTenantId, "central", 1));

        var central = await fixture.GetScorecardAsync(tenantId, "branch=central");
        Assert.Equal(1, central.Responses);
        Assert.Equal(1, central.Promoters);
        Assert.Equal(0, central.Detractors);
        Assert.Equal(100m, central.Nps);
        var north = await fixture.GetScorecardAsync(tenantId, "branch=north");
        Assert.Equal(1, north.Responses);
        Assert.Equal(1, north.Detractors);
        var otherCentral = await fixture.GetScorecardAsync(otherTenantId, "branch=central");
        Assert.Equal(2, otherCentral.Responses);
        Assert.Equal(2, otherCentral.Detractors);
        Assert.Equal(-100m, otherCentral.Nps);
    }

    [Fact]
    public async Task Scorecard_RatingGivenInAnEarlierMonth_CountsInThatMonthOnly()
    {
        var tenantId = Guid.NewGuid();
        var march = new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

        await fixture.RecordAsync(StandardsServiceFixture.Feedback(tenantId, "central", 8, march));

        var inMarch = await fixture.GetScorecardAsync(tenantId, "branch=central&period=2026-03");
        Assert.Equal("2026-03", inMarch.Period);
        Assert.Equal(new DateOnly(2026, 3, 1), inMarch.PeriodStart);
        Assert.Equal(new DateOnly(2026, 4, 1), inMarch.PeriodEnd);
        Assert.Equal(1, inMarch.Responses);
        Assert.Equal(1, inMarch.Passives);
        Assert.Equal(0m, inMarch.Nps);
        var thisMonth = await fixture.GetScorecardAsync(tenantId, "branch=central");
        Assert.Equal(0, thisMonth.Responses);
    }
}
