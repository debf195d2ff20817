using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class StandardMeasurementJudgeTests
{
    [Theory]
    [InlineData(60, "Met")]
    [InlineData(50, "Met")]
    [InlineData(49.9, "AtRisk")]
    [InlineData(40, "AtRisk")]
    [InlineData(39.9, "Breached")]
    public void Judge_AtLeastWithWarning_MetAtOrAboveWarning_AtRiskDownToTarget_BreachedBelow(double actual, string expected)
    {
        var terms = Terms(Comparator.AtLeast, target: 40, warning: 50);

        var outcome = StandardMeasurement.Judge(terms, Measured((decimal)actual));

        Assert.Equal(Enum.Parse<StandardOutcome>(expected), outcome);
    }

    [Theory]
    [InlineData(1, "Met")]
    [InlineData(2, "Met")]
    [InlineData(2.1, "AtRisk")]
    [InlineData(3, "AtRisk")]
    [InlineData(3.1, "Breached")]
    public void Judge_AtMostWithWarning_MetAtOrBelowWarning_AtRiskUpToTarget_BreachedAbove(double actual, string expected)
    {
        var terms = Terms(Comparator.AtMost, target: 3, warning: 2);

        var outcome = StandardMeasurement.Judge(terms, Measured((decimal)actual));

        Assert.Equal(Enum.Parse<StandardOutcome>(expected), outcome);
    }

    [Theory]
    [InlineData(Comparator.AtLeast, 40, "Met")]
    [InlineData(Comparator.AtLeast, 39.9, "Breached")]
    [InlineData(Comparator.AtMost, 40, "Met")]
    [InlineData(Comparator.AtMost, 40.1, "Breached")]
    public void Judge_WithoutWarning_IsNeverAtRisk(Comparator comparator, double actual, string expected)
    {
        var terms = Terms(comparator, target: 40, warning: null);

        var outcome = StandardMeasurement.Judge(terms, Measured((decimal)actual));

        Assert.Equal(Enum.Parse<StandardOutcome>(expected), outcome);
    }

    [Fact]
    public void Judge_NothingMeasured_IsNoData()
    {
        var outcome = StandardMeasurement.Judge(Terms(Comparator.AtLeast, 40, 50), BranchMeasurement.Empty("central"));

        Assert.Equal(StandardOutcome.NoData, outcome);
    }

    [Fact]
    public void Judge_NamedFailing_BreachesWhateverTheValue()
    {
        var failing = new StandardFailing("complaint", Guid.NewGuid(), "resolution due 2026-11-20T17:00Z, resolved 2026-11-21T09:12Z");

        var withinTarget = StandardMeasurement.Judge(
            Terms(Comparator.AtMost, 480, 240), new BranchMeasurement("central", 100, 5, [failing]));
        var withoutValue = StandardMeasurement.Judge(
            Terms(Comparator.AtMost, 480, 240), new BranchMeasurement("central", null, 0, [failing]));

        Assert.Equal(StandardOutcome.Breached, withinTarget);
        Assert.Equal(StandardOutcome.Breached, withoutValue);
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(0, 5, 0)]
    public void Percent_RoundsToOneDecimalAwayFromZero(int part, int whole, double expected)
    {
        Assert.Equal((decimal)expected, MetricArithmetic.Percent(part, whole));
    }

    [Fact]
    public void Arithmetic_NothingToDivideBy_IsNull()
    {
        Assert.Null(MetricArithmetic.Percent(0, 0));
        Assert.Null(MetricArithmetic.PerHundred(12.5m, 0));
        Assert.Null(MetricArithmetic.Average(0, 0));
        Assert.Equal(2.3m, MetricArithmetic.Average(7, 3));
        Assert.Equal(37.5m, MetricArithmetic.PerHundred(3, 8));
    }

    private static StandardTerms Terms(Comparator comparator, decimal target, decimal? warning) =>
        new(comparator, target, warning, [], null, null);

    private static BranchMeasurement Measured(decimal actual) => new("central", actual, 10, []);
}
