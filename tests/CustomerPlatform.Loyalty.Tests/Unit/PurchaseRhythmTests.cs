using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class PurchaseRhythmTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly AtRiskSettings Defaults = AtRiskSettings.Defaults(TenantId);

    private static PurchaseRhythm RhythmOf(params int[] days)
    {
        var account = LoyaltyAccount.Open(TenantId, Guid.NewGuid(), Start);
        var rhythm = PurchaseRhythm.Start(account, Start.AddDays(days[0]), "central");
        foreach (var day in days[1..])
        {
            rhythm.Record(Start.AddDays(day), "central");
        }

        return rhythm;
    }

    [Fact]
    public void UsualInterval_IsTheMeanGapBetweenPurchases()
    {
        var rhythm = RhythmOf(0, 2, 10);

        Assert.Equal(TimeSpan.FromDays(5), rhythm.UsualInterval);
        Assert.Equal(3, rhythm.PurchaseCount);
    }

    [Fact]
    public void Record_PurchasesArrivingOutOfOrder_GiveTheSameRhythm()
    {
        var inOrder = RhythmOf(0, 4, 6, 12);
        var shuffled = RhythmOf(6, 12, 0, 4);

        Assert.Equal(inOrder.UsualInterval, shuffled.UsualInterval);
        Assert.Equal(inOrder.FirstPurchaseAt, shuffled.FirstPurchaseAt);
        Assert.Equal(inOrder.LastPurchaseAt, shuffled.LastPurchaseAt);
    }

    [Fact]
    public void UsualInterval_WithOnePurchase_IsUnknown()
    {
        var rhythm = RhythmOf(3);

        Assert.Null(rhythm.UsualInterval);
        Assert.Null(rhythm.OverdueAt(Defaults));
    }

    [Fact]
    public void IsAtRisk_OnlyAfterFactorTimesTheUsualInterval()
    {
        var rhythm = RhythmOf(0, 5, 10);

        Assert.Equal(Start.AddDays(20), rhythm.OverdueAt(Defaults));
        Assert.False(rhythm.IsAtRisk(Defaults, Start.AddDays(20)));
        Assert.True(rhythm.IsAtRisk(Defaults, Start.AddDays(20).AddSeconds(1)));
    }

    [Fact]
    public void IsAtRisk_WithFewerPurchasesThanTheMinimum_IsFalse()
    {
        var rhythm = RhythmOf(0, 5);

        Assert.False(rhythm.IsAtRisk(Defaults, Start.AddYears(1)));
    }

    [Fact]
    public void IsAtRisk_WhenTheBusinessTurnedItOff_IsFalse()
    {
        var rhythm = RhythmOf(0, 5, 10);
        var off = AtRiskSettings.Create(TenantId, 2m, 3, enabled: false, Start);

        Assert.False(rhythm.IsAtRisk(off, Start.AddYears(1)));
    }

    [Fact]
    public void NeedsAnnouncing_OncePerLapse_AndAgainAfterANewPurchaseLapses()
    {
        var rhythm = RhythmOf(0, 5, 10);
        var lapsed = Start.AddDays(30);

        var first = rhythm.NeedsAnnouncing(Defaults, lapsed);
        rhythm.MarkLapseAnnounced();
        var again = rhythm.NeedsAnnouncing(Defaults, lapsed);
        rhythm.Record(Start.AddDays(31), "central");
        var afterPurchase = rhythm.NeedsAnnouncing(Defaults, Start.AddDays(32));
        var nextLapse = rhythm.NeedsAnnouncing(Defaults, Start.AddDays(100));

        Assert.True(first);
        Assert.False(again);
        Assert.False(afterPurchase);
        Assert.True(nextLapse);
    }

    [Theory]
    [InlineData(1.0, 3, "invalid-at-risk-factor")]
    [InlineData(0.5, 3, "invalid-at-risk-factor")]
    [InlineData(2.0, 1, "invalid-at-risk-min-purchases")]
    public void AtRiskSettings_OutOfRange_Throw(double factor, int minPurchases, string code)
    {
        var settings = AtRiskSettings.Defaults(TenantId);

        var error = Assert.Throws<DomainException>(() => settings.Change((decimal)factor, minPurchases, true, Start));

        Assert.Equal(code, error.Code);
    }
}
