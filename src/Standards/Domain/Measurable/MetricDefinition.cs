namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>One entry of the metric catalogue: what can be measured, in what, and which targets make sense.</summary>
/// <param name="Code">The stable id standards name, e.g. <c>complaint-resolution-time</c>.</param>
/// <param name="Comparators">The comparators that make sense: a target on NPS is a floor, never a ceiling.</param>
/// <param name="WholeNumbers">Targets must be whole numbers (minutes).</param>
/// <param name="BySeverity">A standard on it may be limited to one complaint severity.</param>
public sealed record MetricDefinition(
    string Code,
    string Name,
    string Description,
    MetricUnit Unit,
    IReadOnlyList<Comparator> Comparators,
    decimal Minimum,
    decimal Maximum,
    bool WholeNumbers,
    bool BySeverity)
{
    /// <summary>Whether Feedback stamps complaint deadlines from standards on this metric.</summary>
    public bool IsComplaintTime => Unit == MetricUnit.BusinessMinutes;
}
