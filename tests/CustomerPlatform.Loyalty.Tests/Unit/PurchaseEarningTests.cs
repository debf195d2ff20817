using CustomerPlatform.Loyalty.Domain.Programs;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class PurchaseEarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.99, 0)]
    [InlineData(42.50, 42)]
    [InlineData(10.999, 10)]
    public void Points_UnderTheDefaultProgram_AreTheWholeUnits(decimal amount, long expected)
    {
        var lines = new[] { new PurchaseLine("coffee", amount) };

        var unitemised = PurchaseEarning.Points(ProgramRules.Default.Earn, amount, "central", null, Now);
        var itemised = PurchaseEarning.Points(ProgramRules.Default.Earn, amount, "central", lines, Now);

        Assert.Equal(expected, unitemised);
        Assert.Equal(expected, itemised);
    }

    [Fact]
    public void Points_WithOverlappingMultipliers_TakeTheHighestPerLineWithoutStacking()
    {
        var rules = Rules(new EarnMultiplier("coffee", null, 2, null, null), new EarnMultiplier(null, "central", 3, null, null));

        var points = PurchaseEarning.Points(rules, 10, "central", [new PurchaseLine("coffee", 10)], Now);

        Assert.Equal(30, points);
    }

    [Fact]
    public void Points_OutsideTheDateWindow_IgnoreTheMultiplier()
    {
        var rules = Rules(new EarnMultiplier("coffee", null, 2, Now.AddDays(-10), Now));

        var atEnd = PurchaseEarning.Points(rules, 10, "central", [new PurchaseLine("coffee", 10)], Now);
        var inside = PurchaseEarning.Points(rules, 10, "central", [new PurchaseLine("coffee", 10)], Now.AddTicks(-1));

        Assert.Equal(10, atEnd);
        Assert.Equal(20, inside);
    }

    [Fact]
    public void Points_WithAFactorBelowOne_LowerOnlyThatLine()
    {
        var rules = Rules(new EarnMultiplier("tobacco", null, 0.5m, null, null));

        var points = PurchaseEarning.Points(rules, 30, "central", [new PurchaseLine("tobacco", 10), new PurchaseLine("bread", 20)], Now);

        Assert.Equal(25, points);
    }

    [Theory]
    [InlineData(EarnRounding.Down, 3)]
    [InlineData(EarnRounding.Nearest, 4)]
    [InlineData(EarnRounding.Up, 4)]
    public void Points_RoundOnceOnThePurchaseTotal(EarnRounding rounding, long expected)
    {
        var rules = ProgramRules.Default.Earn with { Rounding = rounding };
        var lines = Enumerable.Repeat(new PurchaseLine("sweets", 1.25m), 3).ToList();

        var points = PurchaseEarning.Points(rules, 3.75m, "central", lines, Now);

        Assert.Equal(expected, points);
    }

    private static EarnRuleSet Rules(params EarnMultiplier[] multipliers) => ProgramRules.Default.Earn with { Multipliers = multipliers };
}
