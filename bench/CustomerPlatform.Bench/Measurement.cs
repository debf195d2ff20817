using System.Diagnostics;

namespace CustomerPlatform.Bench;

/// <summary>What one load run achieved: completed operations per second and their latency percentiles.</summary>
public sealed record Measurement(double PerSecond, double P50Ms, double P95Ms, double P99Ms, int Completed, int Failed)
{
    /// <summary>Summarises latencies (in <see cref="Stopwatch"/> ticks) completed within a window of <paramref name="window"/>.</summary>
    public static Measurement From(List<long> latencyTicks, int failed, TimeSpan window)
    {
        latencyTicks.Sort();
        return new Measurement(
            latencyTicks.Count / window.TotalSeconds,
            Percentile(latencyTicks, 0.50),
            Percentile(latencyTicks, 0.95),
            Percentile(latencyTicks, 0.99),
            latencyTicks.Count,
            failed);
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
