using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Domain.Programs;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class PointLotsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_DebitSmallerThanTheOldestLot_TakesPartOfItAndLeavesTheNewerWhole()
    {
        var (older, newer) = (Credit(100, day: 0, expiresDay: 365), Credit(50, day: 10, expiresDay: 375));

        var lots = PointLots.Of([older, newer, Debit(30, day: 20)]);

        Assert.Equal([70L, 50L], lots.Select(lot => lot.Remaining));
        Assert.All(lots, lot => Assert.True(lot.IsOpen));
    }

    [Fact]
    public void Of_DebitsAcrossSeveralLots_EmptyTheOldestFirst()
    {
        var ledger = new[]
        {
            Credit(100, day: 0, expiresDay: 365),
            Credit(50, day: 10, expiresDay: 375),
            Credit(20, day: 20, expiresDay: 385),
            Debit(120, day: 30),
            Debit(10, day: 31),
        };

        var lots = PointLots.Of(ledger);

        Assert.Equal([0L, 20L, 20L], lots.Select(lot => lot.Remaining));
        Assert.False(lots[0].IsOpen);
    }

    [Fact]
    public void Of_DebitAfterALotExpiredButBeforeItsExpiryWasPosted_TakesTheUnexpiredLotsFirst()
    {
        var ledger = new[] { Credit(100, day: 0, expiresDay: 30), Credit(50, day: 10, expiresDay: 375), Debit(40, day: 31) };

        var lots = PointLots.Of(ledger);

        Assert.Equal([100L, 10L], lots.Select(lot => lot.Remaining));
        Assert.True(lots[0].IsDue(Start.AddDays(31)));
    }

    [Fact]
    public void Of_DebitBeyondTheUnexpiredLots_TakesTheRestFromLotsPastExpiryStillHeld()
    {
        var ledger = new[] { Credit(100, day: 0, expiresDay: 30), Credit(50, day: 10, expiresDay: 375), Debit(80, day: 31) };

        var lots = PointLots.Of(ledger);

        Assert.Equal([70L, 0L], lots.Select(lot => lot.Remaining));
    }

    [Fact]
    public void Of_ExpiryEntry_TakesFromItsOwnLotOnlyAndClosesIt()
    {
        var older = Credit(100, day: 0, expiresDay: 30);
        var newer = Credit(50, day: 10, expiresDay: 20);
        var ledger = new[] { older, newer, Debit(30, day: 15), Expired(newer, 50, day: 20) };

        var lots = PointLots.Of(ledger);

        Assert.Equal([70L, 0L], lots.Select(lot => lot.Remaining));
        Assert.True(lots[1].Expired);
        Assert.False(lots[1].IsOpen);
        Assert.True(lots[0].IsOpen);
    }

    [Fact]
    public void Of_ReversalWithAShortfall_TakesOnlyWhatTheBalanceStillHeld()
    {
        // The reversal wanted 100 but the balance held 40, so its entry moved -40 (the rest is its shortfall).
        var ledger = new[] { Credit(100, day: 0, expiresDay: 365), Debit(60, day: 1), Debit(40, day: 2), Credit(25, day: 3, expiresDay: 368) };

        var lots = PointLots.Of(ledger);

        Assert.Equal([0L, 25L], lots.Select(lot => lot.Remaining));
        Assert.Equal(25, PointLots.NextExpiry(lots)!.Value.Points);
    }

    [Fact]
    public void Of_NothingLeft_HasNoOpenLotNoDueTimeAndNoNextExpiry()
    {
        var ledger = new[] { Credit(30, day: 0, expiresDay: 30, noticeDay: 20), Credit(20, day: 1, expiresDay: 31), Debit(50, day: 2) };

        var lots = PointLots.Of(ledger);

        Assert.All(lots, lot => Assert.Equal(0, lot.Remaining));
        Assert.Null(PointLots.NextDue(lots, new HashSet<Guid>()));
        Assert.Null(PointLots.NextExpiry(lots));
    }

    [Fact]
    public void Of_DebitReplayedBeforeACreditOfTheSameInstant_IsOwedByTheNextCredit()
    {
        var ledger = new[] { Debit(10, day: 0), Credit(30, day: 0, expiresDay: 30) };

        var lots = PointLots.Of(ledger);

        Assert.Equal(20, Assert.Single(lots).Remaining);
    }

    [Fact]
    public void Of_CreditsThatNeverExpire_AreSpentInTurnWithTheOthers()
    {
        var ledger = new[] { Credit(40, day: 0, expiresDay: null), Credit(40, day: 1, expiresDay: 30), Debit(50, day: 2) };

        var lots = PointLots.Of(ledger);

        Assert.Equal([0L, 30L], lots.Select(lot => lot.Remaining));
        Assert.False(lots[0].IsOpen);
        Assert.Equal((30L, Start.AddDays(30)), PointLots.NextExpiry(lots)!.Value);
    }

    [Fact]
    public void Of_VoidedRedemption_GivesItsPointsBackToTheLotsItTookThemFrom()
    {
        var redemptionId = Guid.NewGuid();
        var ledger = new[]
        {
            Credit(30, day: 0, expiresDay: 30),
            Credit(50, day: 1, expiresDay: 60),
            Debit(40, day: 2) with { UndoKey = redemptionId },
            Credit(40, day: 3, expiresDay: null) with { UndoesKey = redemptionId },
        };

        var lots = PointLots.Of(ledger);

        Assert.Equal([30L, 50L, 0L], lots.Select(lot => lot.Remaining));
        Assert.Equal((30L, Start.AddDays(30)), PointLots.NextExpiry(lots)!.Value);
    }

    [Fact]
    public void Of_VoidAfterALotExpired_KeepsThatPartInTheVoidsOwnLot()
    {
        var redemptionId = Guid.NewGuid();
        var first = Credit(30, day: 0, expiresDay: 10);
        var ledger = new[]
        {
            first,
            Credit(50, day: 1, expiresDay: 60),
            Debit(40, day: 2) with { UndoKey = redemptionId },
            Expired(first, 0, day: 10),
            Credit(40, day: 11, expiresDay: null) with { UndoesKey = redemptionId },
        };

        var lots = PointLots.Of(ledger);

        Assert.Equal([0L, 50L, 30L], lots.Select(lot => lot.Remaining));
        Assert.Null(lots[2].ExpiresAt);
    }

    [Fact]
    public void NextDue_IsTheEarliestPendingNoticeOrExpiry_AndSkipsNoticesGiven()
    {
        var first = Credit(10, day: 0, expiresDay: 100, noticeDay: 90);
        var second = Credit(10, day: 1, expiresDay: 95);
        var lots = PointLots.Of([first, second]);

        Assert.Equal(Start.AddDays(90), PointLots.NextDue(lots, new HashSet<Guid>()));
        Assert.Equal(Start.AddDays(95), PointLots.NextDue(lots, new HashSet<Guid> { first.EntryId }));
    }

    [Fact]
    public void NextExpiry_AddsUpLotsExpiringAtTheSameMoment()
    {
        var lots = PointLots.Of([Credit(10, day: 0, expiresDay: 50), Credit(15, day: 0, expiresDay: 50), Credit(7, day: 1, expiresDay: 60)]);

        Assert.Equal((25L, Start.AddDays(50)), PointLots.NextExpiry(lots)!.Value);
    }

    [Fact]
    public void ExpiryRuleFix_CountsMonthsFromWhenTheCauseHappened_AndNeverLeavesNoExpiry()
    {
        var posting = new LedgerPosting(LedgerEntryType.Earn, 10, LedgerSource.Purchase, Guid.NewGuid(), "central", Start.AddDays(30));

        var fixedTwelve = new ExpiryRule(12, 30).Fix(posting);
        var never = ExpiryRule.Never.Fix(posting);

        Assert.Equal(Start.AddDays(30).AddMonths(12), fixedTwelve.ExpiresAt);
        Assert.Equal(Start.AddDays(30).AddMonths(12).AddDays(-30), fixedTwelve.ExpiryNoticeAt);
        Assert.Null(never.ExpiresAt);
        Assert.Null(never.ExpiryNoticeAt);
    }

    [Fact]
    public void CarriedExpiry_IsTheLatestOfTheUnspentLots_OrNeverWhenAnyNeverExpires()
    {
        var spent = Credit(10, day: 0, expiresDay: 400);
        var early = Credit(10, day: 1, expiresDay: 100, noticeDay: 90);
        var late = Credit(10, day: 2, expiresDay: 200, noticeDay: 190);

        var carried = CarriedExpiry.Of(PointLots.Of([spent, early, late, Debit(10, day: 3)]));
        var withNever = CarriedExpiry.Of(PointLots.Of([early, Credit(5, day: 4, expiresDay: null)]));

        Assert.Equal(new CarriedExpiry(Start.AddDays(200), Start.AddDays(190)), carried);
        Assert.Equal(CarriedExpiry.Never, withNever);
    }

    [Fact]
    public void Post_CreditThatExpires_BringsTheAccountsDueTimeForwardButNeverBack()
    {
        var account = LoyaltyAccount.Open(Guid.NewGuid(), Guid.NewGuid(), Start);
        var rule = new ExpiryRule(12, 30);

        account.Post(rule.Fix(Posting(100, Start.AddDays(10))), Start);
        var afterFirst = account.ExpiryDueAt;
        account.Post(rule.Fix(Posting(100, Start.AddDays(20))), Start);
        account.Post(ExpiryRule.Never.Fix(Posting(100, Start.AddDays(30))), Start);

        Assert.Equal(Start.AddDays(10).AddMonths(12).AddDays(-30), afterFirst);
        Assert.Equal(afterFirst, account.ExpiryDueAt);
    }

    private static LedgerPosting Posting(long points, DateTimeOffset occurredAt) =>
        new(LedgerEntryType.Earn, points, LedgerSource.Purchase, Guid.NewGuid(), "central", occurredAt);

    private static PointMovement Credit(long points, int day, int? expiresDay, int? noticeDay = null) =>
        new(Guid.NewGuid(), points, Start.AddDays(day), Start.AddDays(day), At(expiresDay), At(noticeDay));

    private static PointMovement Debit(long points, int day) => new(Guid.NewGuid(), -points, Start.AddDays(day), Start.AddDays(day));

    private static PointMovement Expired(PointMovement lot, long points, int day) =>
        new(Guid.NewGuid(), -points, Start.AddDays(day), Start.AddDays(day), ExpiredLotId: lot.EntryId);

    private static DateTimeOffset? At(int? day) => day is { } value ? Start.AddDays(value) : null;
}
