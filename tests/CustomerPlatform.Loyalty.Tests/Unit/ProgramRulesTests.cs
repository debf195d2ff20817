using CustomerPlatform.Loyalty.Domain.Programs;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class ProgramRulesTests
{
    [Fact]
    public void Check_TheDefault_HasNoErrors()
    {
        var errors = ProgramRules.Default.Check();

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_TiersOutOfOrderOrRepeated_NamesTheTier()
    {
        var rules = ProgramRules.Default with
        {
            Tiers =
            [
                Tier("silver", 500),
                Tier("gold", 400),
                Tier("Silver", 900),
            ],
        };

        var errors = rules.Check();

        Assert.Contains("tiers[1].threshold", errors.Keys);
        Assert.Contains("tiers[2].code", errors.Keys);
        Assert.DoesNotContain("tiers[0].threshold", errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10.01)]
    public void Check_FactorOutOfRange_NamesTheMultipliersFactor(decimal factor)
    {
        var rules = ProgramRules.Default with
        {
            Earn = ProgramRules.Default.Earn with { Multipliers = [new EarnMultiplier(null, "central", 2, null, null), new EarnMultiplier("coffee", null, factor, null, null)] },
        };

        var errors = rules.Check();

        Assert.Equal(["earn.multipliers[1].factor"], errors.Keys);
    }

    [Fact]
    public void Check_MultiplierWithNeitherCategoryNorBranch_IsRefused()
    {
        var rules = ProgramRules.Default with
        {
            Earn = ProgramRules.Default.Earn with { Multipliers = [new EarnMultiplier(null, null, 2, null, null)] },
        };

        var errors = rules.Check();

        Assert.Equal(["earn.multipliers[0]"], errors.Keys);
    }

    private static TierRule Tier(string code, decimal threshold) => new(code, code, TierBasis.Points, threshold, 12, null, 1, 0);
}
