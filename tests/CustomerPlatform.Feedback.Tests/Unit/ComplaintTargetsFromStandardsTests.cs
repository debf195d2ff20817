using CustomerPlatform.Feedback.Domain.Complaints;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class ComplaintTargetsFromStandardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();

    [Fact]
    public void SetByStandards_StandardsTakeTheirSlots_TheBusinessOwnTargetsFillTheRest()
    {
        var own = ComplaintTargetSet.SetByBusiness(
            ComplaintTargetSet.PlatformDefault(TenantId), [new ComplaintTarget(null, 120, 1200), new ComplaintTarget(ComplaintSeverity.High, 60, 600)], Now);
        var general = new StandardReference(Guid.NewGuid(), 2);
        var critical = new StandardReference(Guid.NewGuid(), 1);

        var set = ComplaintTargetSet.SetByStandards(own, own,
            [
                new StandardComplaintTarget(ComplaintClockKind.Resolve, null, 900, general),
                new StandardComplaintTarget(ComplaintClockKind.Acknowledge, ComplaintSeverity.Critical, 15, critical),
            ],
            sequence: 7, Now);

        Assert.Equal((2, ComplaintTargetSource.Standard, 7L), (set.Version, set.Source, set.StandardsSequence!.Value));
        Assert.Null(set.StandardId);
        Assert.Equal(new ComplaintTarget(ComplaintSeverity.Low, 120, 900, null, general), set.For(ComplaintSeverity.Low));
        Assert.Equal(new ComplaintTarget(ComplaintSeverity.High, 60, 900, null, general), set.For(ComplaintSeverity.High));
        Assert.Equal(new ComplaintTarget(ComplaintSeverity.Critical, 15, 900, critical, general), set.For(ComplaintSeverity.Critical));
    }

    [Fact]
    public void SetByStandards_NoTargets_TheBusinessOwnTargetsApplyAgain()
    {
        var own = ComplaintTargetSet.SetByBusiness(ComplaintTargetSet.PlatformDefault(TenantId), [new ComplaintTarget(null, 120, 1200)], Now);
        var byStandards = ComplaintTargetSet.SetByStandards(
            own, own, [new StandardComplaintTarget(ComplaintClockKind.Resolve, null, 900, new StandardReference(Guid.NewGuid(), 1))], 1, Now);

        var restored = ComplaintTargetSet.SetByStandards(byStandards, own, [], 2, Now);

        Assert.Equal((3, ComplaintTargetSource.BusinessDefault), (restored.Version, restored.Source));
        Assert.Equal(new ComplaintTarget(null, 120, 1200), Assert.Single(restored.Targets));
    }
}
