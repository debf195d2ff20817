using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>One frozen scorecard line: a standard, as the version in force at the close, held against one branch.</summary>
public sealed class ClosedPeriodResult : ITenantOwned
{
    private ClosedPeriodResult()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid PeriodId { get; private init; }
    public Guid StandardId { get; private init; }
    public int StandardVersion { get; private init; }
    public string Name { get; private init; } = "";
    public string Metric { get; private init; } = "";
    public string Branch { get; private init; } = "";
    public Comparator Comparator { get; private init; }
    public decimal Target { get; private init; }
    public decimal? Warning { get; private init; }
    public decimal? Actual { get; private init; }
    public long SampleSize { get; private init; }
    public StandardOutcome Outcome { get; private init; }
    public List<ClosedPeriodFailing> Failings { get; private init; } = [];

    public static ClosedPeriodResult Of(ClosedPeriod period, StandardMeasurement line, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(line);
        var result = new ClosedPeriodResult
        {
            Id = Guid.CreateVersion7(now),
            TenantId = period.TenantId,
            PeriodId = period.Id,
            StandardId = line.StandardId,
            StandardVersion = line.StandardVersion,
            Name = line.Name,
            Metric = line.Metric,
            Branch = line.Branch,
            Comparator = line.Comparator,
            Target = line.Target,
            Warning = line.Warning,
            Actual = line.Actual,
            SampleSize = line.SampleSize,
            Outcome = line.Outcome,
        };
        result.Failings.AddRange(line.Failings.Select((failing, index) => ClosedPeriodFailing.Of(result, index, failing)));
        return result;
    }

    public StandardMeasurement ToMeasurement() => new(
        StandardId, StandardVersion, Name, Metric, Branch, Comparator, Target, Warning, Actual, SampleSize, Outcome,
        [.. Failings.OrderBy(failing => failing.Position).Select(failing => new StandardFailing(failing.Kind, failing.SubjectId, failing.Detail))]);
}
