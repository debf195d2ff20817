using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class TriggerRulesTests
{
    [Fact]
    public void IsSampled_AtRatesZeroAndOne_TakesNoneAndAll()
    {
        var surveyId = Guid.NewGuid();
        var sources = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();

        var none = sources.Count(source => TriggerRules.IsSampled(surveyId, source, 0));
        var all = sources.Count(source => TriggerRules.IsSampled(surveyId, source, 1));

        Assert.Equal(0, none);
        Assert.Equal(sources.Count, all);
    }

    [Fact]
    public void IsSampled_SameSurveyAndSource_DecidesTheSameEveryTime()
    {
        var surveyId = Guid.NewGuid();
        var sources = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();

        var first = sources.Select(source => TriggerRules.IsSampled(surveyId, source, 0.5)).ToList();
        var again = sources.Select(source => TriggerRules.IsSampled(surveyId, source, 0.5)).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void IsSampled_AtARate_TakesAboutThatShare()
    {
        var surveyId = Guid.NewGuid();
        var sources = Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid()).ToList();

        var share = sources.Count(source => TriggerRules.IsSampled(surveyId, source, 0.3)) / (double)sources.Count;

        Assert.InRange(share, 0.27, 0.33);
    }

    [Fact]
    public void IsSampled_ARaisedRate_KeepsEverySourceTheLowerRateTook()
    {
        var surveyId = Guid.NewGuid();
        var sources = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        var low = sources.Where(source => TriggerRules.IsSampled(surveyId, source, 0.2)).ToList();

        Assert.All(low, source => Assert.True(TriggerRules.IsSampled(surveyId, source, 0.6)));
    }

    [Theory]
    [InlineData(new[] { InvitationChannel.Email, InvitationChannel.Sms }, new[] { InvitationChannel.Email, InvitationChannel.Sms }, InvitationChannel.Email)]
    [InlineData(new[] { InvitationChannel.Sms, InvitationChannel.Email }, new[] { InvitationChannel.Email, InvitationChannel.Sms }, InvitationChannel.Sms)]
    [InlineData(new[] { InvitationChannel.Email, InvitationChannel.Sms }, new[] { InvitationChannel.Sms }, InvitationChannel.Sms)]
    public void ChooseChannel_TakesTheFirstPreferredTheCustomerAllows(InvitationChannel[] preferred, InvitationChannel[] consented, InvitationChannel expected)
    {
        var chosen = TriggerRules.ChooseChannel(preferred, consented.ToHashSet());

        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void ChooseChannel_WithNoConsentForAnyPreferredChannel_ChoosesNone()
    {
        var chosen = TriggerRules.ChooseChannel([InvitationChannel.Email], new HashSet<InvitationChannel> { InvitationChannel.Sms });

        Assert.Null(chosen);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "north", true)]
    [InlineData(new string[0], new[] { "central" }, "north", false)]
    [InlineData(new[] { "south" }, new[] { "central", "south" }, "south", true)]
    [InlineData(new[] { "south" }, new[] { "central", "south" }, "central", false)]
    public void AppliesTo_UsesTheTriggersBranchesElseTheSurveys(string[] triggerBranches, string[] surveyBranches, string branch, bool expected)
    {
        var trigger = new SurveyTrigger(TriggerEvent.Purchase, 0, 1, 30, [InvitationChannel.Email], triggerBranches, Enabled: true);

        Assert.Equal(expected, trigger.AppliesTo(branch, surveyBranches));
    }

    [Fact]
    public void AppliesTo_ADisabledTrigger_NeverApplies()
    {
        var trigger = new SurveyTrigger(TriggerEvent.Purchase, 0, 1, 30, [InvitationChannel.Email], [], Enabled: false);

        Assert.False(trigger.AppliesTo("central", []));
    }

    [Fact]
    public void Schedule_FallsDueAfterTheDelay_AndIsHandledOnce()
    {
        var now = DateTimeOffset.UtcNow;
        var trigger = new SurveyTrigger(TriggerEvent.ComplaintResolved, 90, 1, 7, [InvitationChannel.Sms], [], Enabled: true);
        var row = ScheduledInvitation.Schedule(Guid.NewGuid(), Guid.NewGuid(), trigger, Guid.NewGuid(), Guid.NewGuid(), " central ", now);

        row.MarkSent(Guid.NewGuid(), now.AddMinutes(90));

        Assert.Equal(now.AddMinutes(90), row.DueAt);
        Assert.Equal(InvitationReason.ComplaintFollowUp, row.Reason);
        Assert.Equal("central", row.Branch);
        Assert.Equal(ScheduleState.Sent, row.State);
        Assert.Throws<InvalidOperationException>(() => row.Skip(SkipReason.Erased, now));
    }
}
