using CustomerPlatform.Feedback.Domain.ClosedLoop;
using CustomerPlatform.Feedback.Domain.Complaints;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class ClosedLoopRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(6, null, true)]
    [InlineData(0, null, true)]
    [InlineData(7, null, false)]
    [InlineData(null, 2, true)]
    [InlineData(null, 3, false)]
    [InlineData(10, 1, true)]
    [InlineData(null, null, false)]
    public void Opens_WithTheDefaultThresholds_OpensForADetractorOrALowCsat(int? nps, int? csat, bool opens)
    {
        var setting = Enabled();

        var result = setting.Opens(nps, csat);

        Assert.Equal(opens, result);
    }

    [Fact]
    public void Opens_WhenOffOrWithoutACategory_NeverOpens()
    {
        var off = ClosedLoopSetting.Create(Guid.NewGuid(), null);
        off.Replace(false, 6, 2, "billing", ComplaintSeverity.Medium, Now);
        var uncategorised = ClosedLoopSetting.Create(Guid.NewGuid(), null);
        uncategorised.Replace(true, 6, 2, null, ComplaintSeverity.Medium, Now);

        var results = new[] { off.Opens(0, 1), uncategorised.Opens(0, 1), ClosedLoopSetting.PlatformDefault(Guid.NewGuid()).Opens(0, 1) };

        Assert.All(results, Assert.False);
    }

    [Theory]
    [InlineData(7, null, true)]
    [InlineData(6, null, false)]
    [InlineData(null, 4, true)]
    [InlineData(null, 3, false)]
    [InlineData(3, 5, true)]
    [InlineData(9, 1, true)]
    [InlineData(6, 3, false)]
    public void IsRecovered_NpsAtLeast7OrCsatAtLeast4(int? nps, int? csat, bool recovered)
    {
        var result = ComplaintRecovery.IsRecovered(nps, csat);

        Assert.Equal(recovered, result);
    }

    [Fact]
    public void FollowUpFrom_WithoutAScore_IsNothingToRecord()
    {
        var followUp = ComplaintRecovery.FollowUpFrom(Guid.NewGuid(), null, null, Now);

        Assert.Null(followUp);
    }

    [Fact]
    public void RecordFollowUp_KeepsTheLatestAnswer_AndIgnoresAnOlderOne()
    {
        var complaint = Complaint.Receive(Guid.NewGuid(), Guid.NewGuid(), "central", ComplaintChannel.Web, "billing", ComplaintSeverity.Medium, "Poor", null, Now);
        var first = ComplaintRecovery.FollowUpFrom(Guid.NewGuid(), 3, null, Now.AddDays(1))!;
        var later = ComplaintRecovery.FollowUpFrom(Guid.NewGuid(), 9, null, Now.AddDays(3))!;
        var older = ComplaintRecovery.FollowUpFrom(Guid.NewGuid(), 0, null, Now.AddDays(2))!;

        complaint.RecordFollowUp(first, Now.AddDays(1));
        complaint.RecordFollowUp(later, Now.AddDays(3));
        complaint.RecordFollowUp(older, Now.AddDays(4));

        Assert.Equal(later.ResponseId, complaint.FollowUpResponseId);
        Assert.Equal(9, complaint.FollowUpNps);
        Assert.True(complaint.Recovered);
    }

    private static ClosedLoopSetting Enabled()
    {
        var setting = ClosedLoopSetting.Create(Guid.NewGuid(), Guid.NewGuid());
        setting.Replace(true, ClosedLoopSetting.DefaultNpsAtOrBelow, ClosedLoopSetting.DefaultCsatAtOrBelow, "billing", ClosedLoopSetting.DefaultSeverity, Now);
        return setting;
    }
}
