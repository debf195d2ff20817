namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>What one metric measured for one branch over a window, before it is held to a standard's target.</summary>
/// <param name="Actual">The value in the metric's unit; null when there was nothing to measure.</param>
/// <param name="SampleSize">What the value was computed from: responses, complaints, purchases, tasks.</param>
/// <param name="Failings">What breached the standard by name (complaint-time metrics); empty for rate and score metrics.</param>
public sealed record BranchMeasurement(string Branch, decimal? Actual, long SampleSize, IReadOnlyList<StandardFailing> Failings)
{
    public static BranchMeasurement Empty(string branch) => new(branch, null, 0, []);
}
