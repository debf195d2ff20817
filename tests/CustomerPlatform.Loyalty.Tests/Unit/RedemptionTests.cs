using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class RedemptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static LoyaltyAccount AccountWith(long points)
    {
        var account = LoyaltyAccount.Open(Guid.NewGuid(), Guid.NewGuid(), Now);
        account.Earn(new LedgerPosting(LedgerEntryType.Earn, points, LedgerSource.Purchase, Guid.NewGuid(), "central", Now), Now);
        return account;
    }

    [Fact]
    public void Spend_WithinBalance_PostsRedeemEntryWithRedemptionAsSource()
    {
        var account = AccountWith(100);

        var (redemption, entry) = Redemption.Spend(account, 40, "central", reward: null, quantity: null, Now);

        Assert.Equal(60, account.Balance);
        Assert.Equal(LedgerEntryType.Redeem, entry.Type);
        Assert.Equal(LedgerSource.Redemption, entry.Source);
        Assert.Equal(redemption.Id, entry.SourceId);
        Assert.Equal(-40, entry.Points);
        Assert.Equal(40, redemption.Points);
        Assert.Equal(60, redemption.BalanceAfter);
        Assert.Equal(RedemptionStatus.Completed, redemption.Status);
        Assert.NotNull(RedemptionCode.Normalise(redemption.Code));
    }

    [Fact]
    public void Spend_BeyondBalance_IsInsufficientPoints()
    {
        var account = AccountWith(10);

        var refused = Assert.Throws<DomainException>(() => Redemption.Spend(account, 11, "central", null, null, Now));

        Assert.Equal("insufficient-points", refused.Code);
        Assert.Equal(10, account.Balance);
    }

    [Fact]
    public void Void_Once_GivesPointsBackAsReverse_TwiceIsConflict()
    {
        var account = AccountWith(100);
        var (redemption, _) = Redemption.Spend(account, 40, "central", null, null, Now);

        var entry = redemption.Void(account, "till error", Now);
        var second = Assert.Throws<DomainException>(() => redemption.Void(account, "again", Now));

        Assert.Equal(100, account.Balance);
        Assert.Equal(LedgerEntryType.Reverse, entry.Type);
        Assert.Equal(LedgerSource.RedemptionVoid, entry.Source);
        Assert.Equal(redemption.Id, entry.SourceId);
        Assert.Equal(40, entry.Points);
        Assert.Equal(RedemptionStatus.Voided, redemption.Status);
        Assert.Equal("till error", redemption.VoidReason);
        Assert.Equal("redemption-already-voided", second.Code);
        Assert.Equal(DomainErrorKind.Conflict, second.Kind);
    }

    [Fact]
    public void SpendableBalance_PendingPoints_DoNotCount()
    {
        var refused = Assert.Throws<DomainException>(() => SpendableBalance.EnsureCovers(balance: 100, pendingPoints: 30, points: 71));

        Assert.Equal("insufficient-points", refused.Code);
        SpendableBalance.EnsureCovers(100, 30, 70);
    }

    [Fact]
    public void RedemptionCode_New_IsTenUnambiguousCharactersInTwoGroups()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => RedemptionCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("k7q2m-xh9pa", "K7Q2M-XH9PA")]
    [InlineData("K7Q2MXH9PA", "K7Q2M-XH9PA")]
    [InlineData(" K7Q2M XH9PA ", "K7Q2M-XH9PA")]
    [InlineData("K7Q2M-XH9P0", null)]
    [InlineData("K7Q2M", null)]
    public void RedemptionCode_Normalise_AcceptsWhatATillTypes(string typed, string? expected)
    {
        Assert.Equal(expected, RedemptionCode.Normalise(typed));
    }
}
