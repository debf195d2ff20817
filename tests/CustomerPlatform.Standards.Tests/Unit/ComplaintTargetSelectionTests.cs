using CustomerPlatform.Standards.Domain.Measurable;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class ComplaintTargetSelectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Select_OnlyActiveComplaintTimeStandardsForEveryBranch_StrictestPerSlot()
    {
        var lenient = Standard(MetricCatalogue.ComplaintResolutionTime, 900);
        var strict = Standard(MetricCatalogue.ComplaintResolutionTime, 600);
        var critical = Standard(MetricCatalogue.ComplaintAcknowledgementTime, 30, StandardSeverity.Critical);
        var someBranches = Standard(MetricCatalogue.ComplaintResolutionTime, 10, branches: ["north"]);
        var retired = Standard(MetricCatalogue.ComplaintAcknowledgementTime, 5);
        retired.Retire(Now);
        var nps = ServiceStandard.Create(Guid.Empty, "NPS", MetricCatalogue.Find("nps")!, new StandardTerms(Comparator.AtLeast, 30, null, [], null, null), Now);

        var selected = ComplaintTargetSelection.Select([lenient, strict, critical, someBranches, retired, nps]);

        Assert.Equal(
            [
                new SelectedComplaintTarget(ComplaintTargetKind.Acknowledge, StandardSeverity.Critical, 30, critical.Id, 1),
                new SelectedComplaintTarget(ComplaintTargetKind.Resolve, null, 600, strict.Id, 1),
            ],
            selected);
    }

    [Fact]
    public void Change_RenameOnly_IsNoNewVersion_AnotherTarget_Is()
    {
        var standard = Standard(MetricCatalogue.ComplaintResolutionTime, 600);

        var renamed = standard.Change("Renamed", standard.Terms with { Branches = [] }, Now);
        var changed = standard.Change("Renamed", standard.Terms with { Target = 480 }, Now);

        Assert.Null(renamed);
        Assert.Equal(2, changed!.Number);
        Assert.Equal((2, "Renamed"), (standard.CurrentVersion, standard.Name));
        Assert.Equal([1, 2], standard.Versions.Select(version => version.Number));
    }

    private static ServiceStandard Standard(string metric, int minutes, StandardSeverity? severity = null, string[]? branches = null) =>
        ServiceStandard.Create(
            Guid.Empty, $"{metric} {minutes}", MetricCatalogue.Find(metric)!,
            new StandardTerms(Comparator.AtMost, minutes, null, branches ?? [], severity, null), Now);
}
