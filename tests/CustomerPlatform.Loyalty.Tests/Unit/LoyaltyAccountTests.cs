using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class LoyaltyAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly Guid CustomerId = Guid.NewGuid();

    private static LedgerPosting Purchase(long points, Guid purchaseId, string? branch, DateTimeOffset occurredAt) =>
        new(LedgerEntryType.Earn, points, LedgerSource.Purchase, purchaseId, branch, occurredAt);

    [Fact]
    public void Open_NewAccount_StartsEmpty()
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);

        Assert.Equal(TenantId, account.TenantId);
        Assert.Equal(CustomerId, account.CustomerId);
        Assert.Equal(0, account.Balance);
        Assert.Equal(0, account.LifetimePoints);
        Assert.Equal(Now, account.OpenedAt);
        Assert.NotEqual(Guid.Empty, account.Id);
    }

    [Fact]
    public void Earn_TwoCredits_BalanceAndLifetimeAddUp()
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);

        account.Earn(Purchase(42, Guid.NewGuid(), "central", Now), Now);
        account.Earn(Purchase(10, Guid.NewGuid(), "north", Now), Now);

        Assert.Equal(52, account.Balance);
        Assert.Equal(52, account.LifetimePoints);
    }

    [Fact]
    public void Earn_PositivePoints_ReturnsEntryWithBalanceAfterTheCredit()
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);
        var firstSource = Guid.NewGuid();
        var secondSource = Guid.NewGuid();
        var occurredAt = Now.AddMinutes(-5);

        var first = account.Earn(Purchase(42, firstSource, "central", occurredAt), Now);
        var second = account.Earn(Purchase(10, secondSource, null, occurredAt), Now.AddSeconds(1));

        Assert.Equal(42, first.BalanceAfter);
        Assert.Equal(52, second.BalanceAfter);
        Assert.Equal(LedgerEntryType.Earn, first.Type);
        Assert.Equal(42, first.Points);
        Assert.Equal(firstSource, first.SourceId);
        Assert.Equal(account.Id, first.AccountId);
        Assert.Equal(TenantId, first.TenantId);
        Assert.Equal("central", first.Branch);
        Assert.Equal(occurredAt, first.OccurredAt);
        Assert.Equal(Now, first.RecordedAt);
        Assert.Equal(secondSource, second.SourceId);
        Assert.Null(second.Branch);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Earn_NonPositivePoints_ThrowsDomainExceptionAndLeavesBalance(long points)
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);
        account.Earn(Purchase(5, Guid.NewGuid(), null, Now), Now);

        var exception = Assert.Throws<DomainException>(() => account.Earn(Purchase(points, Guid.NewGuid(), null, Now), Now));

        Assert.Equal("invalid-points", exception.Code);
        Assert.Equal(5, account.Balance);
        Assert.Equal(5, account.LifetimePoints);
    }

    [Fact]
    public void Post_RedemptionBeyondTheBalance_IsRefusedAndLeavesBalance()
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);
        account.Earn(Purchase(30, Guid.NewGuid(), null, Now), Now);

        var exception = Assert.Throws<DomainException>(() => account.Post(
            new LedgerPosting(LedgerEntryType.Redeem, -31, LedgerSource.Redemption, Guid.NewGuid(), "central", Now), Now));

        Assert.Equal("insufficient-points", exception.Code);
        Assert.Equal(30, account.Balance);
    }

    [Fact]
    public void Post_ReversalOfPointsAlreadySpent_StopsAtZeroAndRecordsTheShortfall()
    {
        var account = LoyaltyAccount.Open(TenantId, CustomerId, Now);
        account.Earn(Purchase(50, Guid.NewGuid(), null, Now), Now);
        account.Post(new LedgerPosting(LedgerEntryType.Redeem, -40, LedgerSource.Redemption, Guid.NewGuid(), null, Now), Now);

        var reversal = account.Post(new LedgerPosting(LedgerEntryType.Reverse, -50, LedgerSource.Refund, Guid.NewGuid(), null, Now), Now);

        Assert.Equal(-10, reversal.Points);
        Assert.Equal(40, reversal.Shortfall);
        Assert.Equal(0, reversal.BalanceAfter);
        Assert.Equal(0, account.Balance);
        Assert.Equal(50, account.LifetimePoints);
    }
}
