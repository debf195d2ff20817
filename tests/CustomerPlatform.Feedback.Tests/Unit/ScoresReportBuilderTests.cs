using CustomerPlatform.Feedback.Features.Reports;
using CustomerPlatform.ServiceDefaults.Reports;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class ScoresReportBuilderTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly ReportRange OneMonth = new(ReportPeriod.Month, March, March);

    [Theory]
    [InlineData(1, 1, 1, 0.0)]
    [InlineData(2, 0, 1, 33.3)]
    [InlineData(2, 1, 0, 66.7)]
    [InlineData(0, 0, 3, -100.0)]
    public void Nps_IsPromotersMinusDetractorsOverNpsAnswers_OneDecimal(long promoters, long passives, long detractors, double expected)
    {
        var totals = new ScoreTotals(promoters + passives + detractors, promoters, passives, detractors, 0, 0, 0, 0, 0);

        var nps = totals.Nps;

        Assert.Equal((decimal)expected, nps);
    }

    [Fact]
    public void Build_GroupBelowTheMinimum_WithholdsScoresAndTheirChange()
    {
        ScoreGroupRow[] rows =
        [
            new(March, "tiny", null, new ScoreTotals(2, 1, 0, 1, 2, 1, 6, 2, 8)),
            new(March.AddMonths(-1), "tiny", null, new ScoreTotals(9, 9, 0, 0, 9, 9, 45, 9, 9)),
        ];

        var group = ScoresReportBuilder.Build(OneMonth, ScoreGrouping.Branch, null, null, 3, rows, []).Periods.Single().Groups.Single();

        Assert.True(group.Withheld);
        Assert.Equal(2, group.Responses);
        Assert.Null(group.Nps);
        Assert.Null(group.Promoters);
        Assert.Null(group.Change.Nps);
        Assert.Equal(-7, group.Change.Responses);
    }

    [Fact]
    public void Build_ResponseRate_IsNullWithoutInvitations_AndAGroupWithOnlyInvitationsAppears()
    {
        ScoreGroupRow[] rows = [new(March, "north", null, new ScoreTotals(5, 5, 0, 0, 0, 0, 0, 0, 0))];
        InvitationCountRow[] invitations = [new(March, "south", 4)];

        var groups = ScoresReportBuilder.Build(OneMonth, ScoreGrouping.Branch, null, null, 5, rows, invitations).Periods.Single().Groups;

        Assert.Null(groups.Single(group => group.Group == "north").ResponseRate);
        var south = groups.Single(group => group.Group == "south");
        Assert.Equal(0m, south.ResponseRate);
        Assert.Equal(4, south.Invitations);
    }
}
