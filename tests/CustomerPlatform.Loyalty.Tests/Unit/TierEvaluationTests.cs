using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.Loyalty.Domain.Tiers;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class TierEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void QualifyingValue_OnPoints_CountsEarnedLessReversedWithinTheWindowOnly()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);
        var contributions = new[]
        {
            Earned(Now.AddMonths(-2), 300, reversed: 100),
            Earned(Now.AddMonths(-6), 50),
            Earned(Now.AddMonths(-13), 1000),
            Earned(Now.AddDays(-1), 40, reversed: 90),
        };

        var value = ladder.QualifyingValue(contributions, Now);

        Assert.Equal(250, value);
    }

    [Fact]
    public void QualifyingValue_OnSpend_CountsTheAmountLessTheRefundedShare()
    {
        var ladder = Ladder(TierBasis.Spend, windowMonths: 0);
        var contributions = new[]
        {
            Earned(Now.AddYears(-5), 100, reversed: 60, amount: 100m),
            Earned(Now.AddDays(-3), 42, amount: 42.80m),
            Earned(Now.AddDays(-2), 500),
        };

        var value = ladder.QualifyingValue(contributions, Now);

        Assert.Equal(82.80m, value);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(499.99, null)]
    [InlineData(500, "silver")]
    [InlineData(1999, "silver")]
    [InlineData(2000, "gold")]
    [InlineData(1_000_000, "gold")]
    public void TierFor_IsTheHighestWhoseThresholdTheValueReaches(decimal value, string? expected)
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);

        var tier = ladder.TierFor(value);

        Assert.Equal(expected, tier?.Code);
    }

    [Fact]
    public void NextRollOff_IsWhenTheOldestCountingContributionLeaves_AndTheValueDropsThen()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 1);
        var oldest = Earned(new DateTimeOffset(2026, 5, 31, 12, 0, 0, TimeSpan.Zero), 500);
        var contributions = new[] { oldest, Earned(Now.AddDays(-1), 10), Earned(Now.AddDays(-20), 5, reversed: 5) };

        var rollOff = ladder.NextRollOff(contributions, Now)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), rollOff);
        Assert.Equal(510, ladder.QualifyingValue(contributions, rollOff.AddTicks(-1)));
        Assert.Equal(10, ladder.QualifyingValue(contributions, rollOff));
        Assert.Null(Ladder(TierBasis.Points, windowMonths: 0).NextRollOff(contributions, Now));
    }

    [Fact]
    public void Evaluate_AValueOverAThreshold_UpgradesAtOnceAcrossTiers()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var change = tier.Evaluate(ladder, 2500, ruleVersion: 3, Now, nextRollOff: Now.AddMonths(6), Now);

        Assert.NotNull(change);
        Assert.Equal(((string?)null, "gold", TierDirection.Up, 2500m, 3), (change.FromCode, change.ToCode, change.Direction, change.QualifyingValue, change.RuleVersion));
        Assert.Equal("gold", tier.Code);
        Assert.Equal(Now, tier.Since);
        Assert.Equal(3, tier.RuleVersion);
        Assert.Null(tier.DowngradeDueAt);
        Assert.Equal(Now.AddMonths(6), tier.DueAt);
    }

    [Fact]
    public void Evaluate_BelowTheHeldTier_DowngradesOnlyWhenTheGraceHasRunOut()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        tier.Evaluate(ladder, 2500, 1, Now, null, Now);
        var fellAt = Now.AddDays(1);

        var whenFallen = tier.Evaluate(ladder, 600, 1, fellAt, null, fellAt.AddHours(1));
        var stillInGrace = tier.Evaluate(ladder, 600, 1, fellAt.AddDays(5), null, fellAt.AddDays(30).AddTicks(-1));
        var afterGrace = tier.Evaluate(ladder, 600, 1, fellAt.AddDays(30), null, fellAt.AddDays(30));

        Assert.Null(whenFallen);
        Assert.Null(stillInGrace);
        Assert.NotNull(afterGrace);
        Assert.Equal(("gold", "silver", TierDirection.Down), (afterGrace.FromCode!, afterGrace.ToCode!, afterGrace.Direction));
        Assert.Equal("silver", tier.Code);
        Assert.Null(tier.DowngradeDueAt);
        Assert.Null(tier.DueAt);
    }

    [Fact]
    public void Evaluate_ValueFallingBelow_RecordsTheDowngradeDueFromTheFall_AndReQualifyingCancelsIt()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        tier.Evaluate(ladder, 2000, 1, Now, null, Now);
        var fellAt = Now.AddDays(-3);

        tier.Evaluate(ladder, 1500, 1, fellAt, Now.AddMonths(2), Now);
        var dueWhileBelow = tier.DowngradeDueAt;
        var workerDue = tier.DueAt;
        var requalified = tier.Evaluate(ladder, 2100, 1, Now.AddDays(1), Now.AddMonths(2), Now.AddDays(1));

        Assert.Equal(fellAt.AddDays(30), dueWhileBelow);
        Assert.Equal(fellAt.AddDays(30), workerDue);
        Assert.Null(requalified);
        Assert.Equal("gold", tier.Code);
        Assert.Equal(Now, tier.Since);
        Assert.Null(tier.DowngradeDueAt);
        Assert.Equal(Now.AddMonths(2), tier.DueAt);
    }

    [Fact]
    public void Evaluate_ATierWithoutGrace_DropsToNoTierAtOnce()
    {
        var ladder = Ladder(TierBasis.Points, windowMonths: 12);
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        tier.Evaluate(ladder, 700, 1, Now, null, Now);

        var change = tier.Evaluate(ladder, 100, 1, Now.AddDays(1), null, Now.AddDays(1));

        Assert.NotNull(change);
        Assert.Equal(("silver", TierDirection.Down), (change.FromCode!, change.Direction));
        Assert.Null(change.ToCode);
        Assert.Null(tier.Code);
    }

    [Fact]
    public void Evaluate_ATierTheProgramNoLongerHas_IsLeftAtOnceForWhatTheValueReaches()
    {
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        tier.Evaluate(Ladder(TierBasis.Points, windowMonths: 12), 2500, 1, Now, null, Now);
        var renamed = TierLadder.Of(ProgramRules.Default with { Tiers = [Rule("bronze", 100, TierBasis.Points, 12, 1, 30)] });

        var change = tier.Evaluate(renamed, 2500, 2, Now.AddDays(1), null, Now.AddDays(1));

        Assert.NotNull(change);
        Assert.Equal(("gold", "bronze", 2), (change.FromCode!, change.ToCode!, change.RuleVersion));
        Assert.Equal("bronze", tier.Code);
    }

    [Fact]
    public void Evaluate_WithoutTiers_ChangesNothing()
    {
        var tier = AccountTier.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var change = tier.Evaluate(TierLadder.Of(ProgramRules.Default), 10_000, 0, Now, Now.AddMonths(1), Now);

        Assert.Null(change);
        Assert.Null(tier.Code);
        Assert.Null(tier.DueAt);
    }

    [Fact]
    public void Points_InATier_MultiplyTheCategoryMultiplierAsAProduct()
    {
        var rules = ProgramRules.Default.Earn with { Multipliers = [new EarnMultiplier("coffee", null, 2, null, null)] };

        var points = PurchaseEarning.Points(rules, 20, "central", [new PurchaseLine("coffee", 10), new PurchaseLine("cake", 10)], Now, tierMultiplier: 1.5m);

        Assert.Equal(45, points);
    }

    [Fact]
    public void Check_TiersWithDifferentWindows_NamesTheTiersWindow()
    {
        var rules = ProgramRules.Default with { Tiers = [Rule("silver", 500, TierBasis.Points, 12, 1, 0), Rule("gold", 900, TierBasis.Points, 6, 1, 0)] };

        var errors = rules.Check();

        Assert.Equal(["tiers[1].windowMonths"], errors.Keys);
    }

    private static TierLadder Ladder(TierBasis basis, int windowMonths) =>
        TierLadder.Of(ProgramRules.Default with
        {
            Tiers =
            [
                Rule("silver", 500, basis, windowMonths, 1.25m, 0),
                Rule("gold", 2000, basis, windowMonths, 1.5m, 30),
            ],
        });

    private static TierRule Rule(string code, decimal threshold, TierBasis basis, int windowMonths, decimal multiplier, int graceDays) =>
        new(code, code.ToUpperInvariant(), basis, threshold, windowMonths, null, multiplier, graceDays);

    private static TierContribution Earned(DateTimeOffset at, long points, long reversed = 0, decimal? amount = null) =>
        new(Guid.NewGuid(), at, points, reversed, amount);
}
