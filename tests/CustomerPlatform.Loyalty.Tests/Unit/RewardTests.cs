using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class RewardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static RewardDetails Details(
        long cost = 100, int? stock = null, int? limit = null, DateTimeOffset? from = null, DateTimeOffset? to = null, IReadOnlyList<string>? branches = null) =>
        new("Free coffee", null, cost, stock, limit, from, to, branches);

    [Fact]
    public void PriceFor_ActiveRewardAtAnyBranch_IsCostTimesQuantity()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(cost: 150), Now);

        var points = reward.PriceFor(3, "central", alreadyRedeemed: 0, Now);

        Assert.Equal(450, points);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(null, -1)]
    public void PriceFor_OutsideActiveWindow_IsNotAvailable(int? startsInHours, int? endedHoursAgo)
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(
            from: startsInHours is { } start ? Now.AddHours(start) : null,
            to: endedHoursAgo is { } end ? Now.AddHours(end) : null), Now);

        var refused = Assert.Throws<DomainException>(() => reward.PriceFor(1, "central", 0, Now));

        Assert.Equal("reward-not-available", refused.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, refused.Kind);
    }

    [Fact]
    public void PriceFor_AtBranchNotListed_IsNotAvailable()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(branches: ["north"]), Now);

        var refused = Assert.Throws<DomainException>(() => reward.PriceFor(1, "central", 0, Now));

        Assert.Equal("reward-not-available", refused.Code);
    }

    [Fact]
    public void PriceFor_Archived_IsNotAvailable()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(), Now);
        reward.Archive(Now);

        var refused = Assert.Throws<DomainException>(() => reward.PriceFor(1, "central", 0, Now));

        Assert.Equal("reward-not-available", refused.Code);
    }

    [Fact]
    public void PriceFor_MoreThanStock_IsOutOfStockConflict()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(stock: 2), Now);

        var refused = Assert.Throws<DomainException>(() => reward.PriceFor(3, "central", 0, Now));

        Assert.Equal("reward-out-of-stock", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public void PriceFor_BeyondPerCustomerLimit_IsLimitReached()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(limit: 2), Now);

        var refused = Assert.Throws<DomainException>(() => reward.PriceFor(1, "central", alreadyRedeemed: 2, Now));

        Assert.Equal("reward-limit-reached", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public void Archive_Twice_IsConflict()
    {
        var reward = Reward.Create(Guid.NewGuid(), Details(), Now);
        reward.Archive(Now);

        var refused = Assert.Throws<DomainException>(() => reward.Archive(Now));

        Assert.Equal("reward-archived", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public void Check_InvalidDetails_NamesEveryField()
    {
        var details = new RewardDetails("", null, 0, -1, 0, Now, Now.AddHours(-1), []);

        var errors = details.Check();

        Assert.Equal(["activeTo", "branches", "costPoints", "name", "perCustomerLimit", "stock"], errors.Keys.Order());
    }
}
