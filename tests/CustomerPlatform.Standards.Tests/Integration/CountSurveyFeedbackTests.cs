using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CountSurveyFeedbackTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    [Fact]
    public async Task Scorecard_SurveyResponseWithoutNps_IsSkippedAndOneWithNpsCounts()
    {
        var tenantId = Guid.NewGuid();
        var withoutNps = StandardsServiceFixture.Feedback(tenantId, "central", 0) with { Rating = null, Source = "survey", Csat = 4 };
        var withNps = StandardsServiceFixture.Feedback(tenantId, "central", 10) with { Source = "survey", Nps = 10 };

        await fixture.RecordAsync(withoutNps, withNps);

        var scorecard = await fixture.GetScorecardAsync(tenantId, "branch=central");
        Assert.Equal(1, scorecard.Responses);
        Assert.Equal(1, scorecard.Promoters);
        Assert.Equal(0, scorecard.Detractors);
    }
}
