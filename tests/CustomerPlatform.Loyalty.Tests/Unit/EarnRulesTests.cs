using CustomerPlatform.Loyalty.Domain;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class EarnRulesTests
{
    [Theory]
    [InlineData("42.50", 42)]
    [InlineData("42.99", 42)]
    [InlineData("42", 42)]
    [InlineData("1", 1)]
    [InlineData("0.99", 0)]
    public void PointsForPurchase_WithPositiveAmount_EarnsOnePointPerWholeUnit(string amount, long expected)
    {
        var points = EarnRules.PointsForPurchase(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-42.50")]
    public void PointsForPurchase_WithZeroOrNegativeAmount_EarnsNothing(string amount)
    {
        var points = EarnRules.PointsForPurchase(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), pointsPerUnit: 3);

        Assert.Equal(0, points);
    }

    [Fact]
    public void PointsForPurchase_WithMultiplier_MultipliesTheFlooredAmount()
    {
        var points = EarnRules.PointsForPurchase(42.50m, pointsPerUnit: 3);

        Assert.Equal(126, points);
    }

    [Fact]
    public void PointsForPurchase_WithoutMultiplier_UsesTheDefaultRate()
    {
        var points = EarnRules.PointsForPurchase(10m);

        Assert.Equal(10 * EarnRules.DefaultPointsPerUnit, points);
    }
}
