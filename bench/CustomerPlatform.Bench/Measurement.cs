using System.Diagnostics;

namespace CustomerPlatform.Bench;

/// <summary>
/// What one load run achieved: completed operations per second and their latency percentiles; for an open loop also
/// how much the median latency grew from the first to the last quarter of the schedule (a backlog building up).
/// </summary>
public sealed record Measurement(double PerSecond, double P50Ms, double P95Ms, double P99Ms, int Completed, int Failed, double LagGrowthMs = double.NaN)
{
    /// <summary>Summarises latencies (in <see cref="Stopwatch"/> ticks) completed within a window of <paramref name="window"/>.</summary>
    public static Measurement From(List<long> latencyTicks, int failed, TimeSpan window, double lagGrowthMs = double.NaN)
    {
        latencyTicks.Sort();
        return new Measurement(
            latencyTicks.Count / window.TotalSeconds,
            Percentile(latencyTicks, 0.50),
            Percentile(latencyTicks, 0.95),
            Percentile(latencyTicks, 0.99),
            latencyTicks.Count,
            failed,
            lagGrowthMs);
    }

    /// <summary>
    /// The median of the last quarter minus the median of the first quarter of <paramref name="inScheduleOrder"/>
    /// (latencies in ticks, in the order the operations were due): near zero when the system keeps up, growing
    /// with the step's length when a backlog builds.
    /// </summary>
    public static double LagGrowth(IReadOnlyList<long> inScheduleOrder)
    {
        var quarter = inScheduleOrder.Count / 4;
        if (quarter == 0)
        {
            return double.NaN;
        }

        List<long> first = [.. inScheduleOrder.Take(quarter).Order()];
        List<long> last = [.. inScheduleOrder.Skip(inScheduleOrder.Count - quarter).Order()];
        return Percentile(last, 0.50) - Percentile(first, 0.50);
    }

    private static double Percentile(List<long> sorted, double quantile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(quantile * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
