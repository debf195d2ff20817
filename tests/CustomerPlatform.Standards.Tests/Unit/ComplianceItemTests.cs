using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Features.Compliance;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class ComplianceItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ComplianceItemDetails Details(int? frequencyMonths = 6, DateTimeOffset? nextDueAt = null, params string[] branches) => new(
        "Refunds", ComplianceCategory.ConsumerGuarantees, null, "Consumer Guarantees Act 1993", "s 18", null, "Manager", frequencyMonths, nextDueAt, branches, null);

    private static ComplianceCheckDetails Check(DateTimeOffset at, DateTimeOffset? nextDueAt = null) =>
        new(at, "Pat", ComplianceOutcome.Pass, "Reviewed.", [], nextDueAt);

    [Fact]
    public void Create_WithFrequencyOnly_FallsDueAFrequencyAfterCreation()
    {
        var item = ComplianceItem.Create(Guid.NewGuid(), Details(), Now);

        Assert.Equal(Now.AddMonths(6), item.NextDueAt);
        Assert.Equal(Now.AddMonths(6), item.FirstDueAt);
        Assert.False(item.IsOverdueAt(Now.AddMonths(6)));
        Assert.True(item.IsOverdueAt(Now.AddMonths(6).AddTicks(1)));
    }

    [Fact]
    public void Replace_WithTheSameDetailsAndComputedDueTime_ChangesNothing()
    {
        var item = ComplianceItem.Create(Guid.NewGuid(), Details(6, null, "north"), Now);

        Assert.False(item.Replace(Details(6, null, "north"), Now.AddDays(1)));
        Assert.False(item.Replace(Details(6, Now.AddMonths(6), "north"), Now.AddDays(1)));
        Assert.True(item.Replace(Details(6, null, "south"), Now.AddDays(1)));
    }

    [Fact]
    public void RecordCheck_MovesTheScheduleOnlyForTheLatestCheck()
    {
        var item = ComplianceItem.Create(Guid.NewGuid(), Details(3), Now.AddMonths(-6));

        var latest = item.RecordCheck(Check(Now.AddDays(-1)), Now);
        var older = item.RecordCheck(Check(Now.AddDays(-30)), Now);

        Assert.Equal(Now.AddDays(-1), item.LastCheckedAt);
        Assert.Equal(Now.AddDays(-1).AddMonths(3), item.NextDueAt);
        Assert.Equal(Now.AddDays(-1).AddMonths(3), latest.NextDueAt);
        Assert.Equal(Now.AddDays(-30).AddMonths(3), older.NextDueAt);
        Assert.Equal(Now.AddMonths(-3), item.FirstDueAt);
    }

    [Fact]
    public void RecordCheck_WithoutFrequencyOrExplicitDate_LeavesNothingScheduled()
    {
        var item = ComplianceItem.Create(Guid.NewGuid(), Details(null, Now.AddDays(-2)), Now.AddDays(-10));

        item.RecordCheck(Check(Now), Now);

        Assert.Null(item.NextDueAt);
        Assert.False(item.IsOverdueAt(Now.AddYears(5)));
    }

    [Fact]
    public void Archived_IsNeverOverdue_AndTakesNoChecks()
    {
        var item = ComplianceItem.Create(Guid.NewGuid(), Details(null, Now.AddDays(-2)), Now.AddDays(-10));

        item.Archive(Now);

        Assert.False(item.IsOverdueAt(Now));
        var refused = Assert.Throws<DomainException>(() => item.RecordCheck(Check(Now), Now));
        Assert.Equal("compliance-item-archived", refused.Code);
    }

    [Theory]
    [InlineData(null, null, "2026-11", null, "2026-11-01", "2026-11-30")]
    [InlineData(null, null, null, "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData(null, null, null, "2026-q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-02-03", "2026-02-03", null, null, "2026-02-03", "2026-02-03")]
    public void EvidencePackPeriod_ReadsEachForm(string? from, string? to, string? month, string? quarter, string first, string last)
    {
        var errors = new Dictionary<string, string[]>();

        var period = EvidencePackPeriod.TryRead(from, to, month, quarter, errors);

        Assert.Empty(errors);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period!.From);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(period.To.AddDays(1), DateOnly.FromDateTime(period.End.UtcDateTime));
    }
}
