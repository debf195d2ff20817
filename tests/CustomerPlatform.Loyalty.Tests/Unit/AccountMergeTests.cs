using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class AccountMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();

    private static LoyaltyAccount WithPoints(long earned, long spent = 0)
    {
        var account = LoyaltyAccount.Open(TenantId, Guid.NewGuid(), Now);
        account.Earn(new LedgerPosting(LedgerEntryType.Earn, earned, LedgerSource.Purchase, Guid.NewGuid(), null, Now), Now);
        if (spent > 0)
        {
            account.Post(new LedgerPosting(LedgerEntryType.Adjust, -spent, LedgerSource.Adjustment, Guid.NewGuid(), null, Now), Now);
        }

        return account;
    }

    [Fact]
    public void MergeInto_AccountWithBalance_MovesBalanceAndLifetimeAndCloses()
    {
        var survivor = WithPoints(10);
        var merged = WithPoints(70, spent: 20);

        var moved = merged.MergeInto(survivor, Now);

        Assert.Equal(0, merged.Balance);
        Assert.Equal(0, merged.LifetimePoints);
        Assert.Equal(60, survivor.Balance);
        Assert.Equal(80, survivor.LifetimePoints);
        Assert.Equal(survivor.Id, merged.MergedIntoAccountId);
        Assert.Equal(-50, moved.Debit?.Points);
        Assert.Equal(LedgerSource.MergedAway, moved.Debit?.Source);
        Assert.Equal(merged.Id, moved.Debit?.SourceId);
        Assert.Equal(50, moved.Credit?.Points);
        Assert.Equal(LedgerSource.Merge, moved.Credit?.Source);
        Assert.Equal(merged.Id, moved.Credit?.SourceId);
        Assert.Equal(60, moved.Credit?.BalanceAfter);
    }

    [Fact]
    public void MergeInto_EmptyAccount_PostsNothingButCloses()
    {
        var survivor = WithPoints(10);
        var merged = LoyaltyAccount.Open(TenantId, Guid.NewGuid(), Now);

        var moved = merged.MergeInto(survivor, Now);

        Assert.Null(moved.Debit);
        Assert.Null(moved.Credit);
        Assert.Equal(survivor.Id, merged.MergedIntoAccountId);
    }

    [Fact]
    public void Post_OnMergedAccount_ThrowsAccountMergedConflict()
    {
        var merged = WithPoints(5);
        merged.MergeInto(WithPoints(1), Now);

        var refused = Assert.Throws<DomainException>(() =>
            merged.Post(new LedgerPosting(LedgerEntryType.Adjust, 5, LedgerSource.Adjustment, Guid.NewGuid(), null, Now), Now));

        Assert.Equal("account-merged", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public void MergeInto_Itself_Throws()
    {
        var account = WithPoints(5);

        var refused = Assert.Throws<DomainException>(() => account.MergeInto(account, Now));

        Assert.Equal("invalid-merge", refused.Code);
        Assert.Null(account.MergedIntoAccountId);
    }

    [Fact]
    public void Spendable_PendingBeyondBalance_IsZero()
    {
        Assert.Equal(30, Features.GetAccount.AccountBalances.Spendable(50, 20));
        Assert.Equal(0, Features.GetAccount.AccountBalances.Spendable(10, 20));
    }
}
