using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>One standard held against what one branch did over a window: the line of a scorecard.</summary>
public sealed record StandardMeasurement(
    Guid StandardId,
    int StandardVersion,
    string Name,
    string Metric,
    string Branch,
    Comparator Comparator,
    decimal Target,
    decimal? Warning,
    decimal? Actual,
    long SampleSize,
    StandardOutcome Outcome,
    IReadOnlyList<StandardFailing> Failings)
{
    /// <summary>Judges a measurement against the terms of a standard's version.</summary>
    public static StandardMeasurement Of(ServiceStandard standard, BranchMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(measured);
        var terms = standard.Terms;
        return new StandardMeasurement(
            standard.Id, standard.CurrentVersion, standard.Name, standard.Metric, measured.Branch, terms.Comparator, terms.Target,
            terms.Warning, measured.Actual, measured.SampleSize, Judge(terms, measured), measured.Failings);
    }

    /// <summary>
    /// Breached past the target, or whenever a failing is named (one complaint past its deadline breaches a
    /// complaint-time standard, whatever the others did); at risk past the warning threshold.
    /// </summary>
    public static StandardOutcome Judge(StandardTerms terms, BranchMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(measured);
        if (measured.Failings.Count > 0)
        {
            return StandardOutcome.Breached;
        }

        if (measured.Actual is not { } actual)
        {
            return StandardOutcome.NoData;
        }

        if (!Within(terms.Comparator, actual, terms.Target))
        {
            return StandardOutcome.Breached;
        }

        return terms.Warning is { } warning && !Within(terms.Comparator, actual, warning) ? StandardOutcome.AtRisk : StandardOutcome.Met;
    }

    private static bool Within(Comparator comparator, decimal actual, decimal limit) =>
        comparator == Comparator.AtMost ? actual <= limit : actual >= limit;
}
