using System.Diagnostics;

namespace CustomerPlatform.Bench;

/// <summary>One operation of a load run (a request, or a request and its effect); true when it succeeded.</summary>
public delegate Task<bool> Operation(Random random);

public static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="workers"/> callers, each starting its next operation when the last one ends,
    /// as wrk does. Only operations that end within the window (after the warm-up) count. Good for
    /// throughput at saturation and for latency at low concurrency; its latency under saturation flatters.
    /// </summary>
    public static async Task<Measurement> ClosedAsync(int workers, TimeSpan warmUp, TimeSpan window, Operation operation)
    {
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var latencies = new List<long>();
            var failed = 0;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= measureUntil)
                {
                    return (latencies, failed);
                }

                var succeeded = await operation(random);
                var end = Stopwatch.GetTimestamp();
                // Counted by when it ended, as wrk counts: an operation slower than the warm-up still counts.
                if (end < measureFrom || end > measureUntil)
                {
                    continue;
                }

                if (succeeded)
                {
                    latencies.Add(end - start);
                }
                else
                {
                    failed++;
                }
            }
        })));

        return Measurement.From([.. results.SelectMany(result => result.latencies)], results.Sum(result => result.failed), window);
    }

    /// <summary>
    /// Open loop: operations start on a fixed schedule whether or not earlier ones have finished, and each latency
    /// counts from when its operation was due, so a stall shows in the percentiles instead of slowing the load.
    /// Returns once every operation has ended, so a backlog drains (or times out) before the next run.
    /// </summary>
    public static async Task<Measurement> OpenAsync(double perSecond, TimeSpan duration, Operation operation)
    {
        var random = new Random(1);
        var count = (int)(perSecond * duration.TotalSeconds);
        var begin = Stopwatch.GetTimestamp();
        var operations = new List<Task<long?>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = begin + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            operations.Add(TimeAsync(due, operation(random)));
        }

        var latencies = await Task.WhenAll(operations);
        var succeeded = latencies.Where(latency => latency is not null).Select(latency => latency!.Value).ToList();
        var lagGrowth = Measurement.LagGrowth(succeeded);
        return Measurement.From(succeeded, latencies.Length - succeeded.Count, duration, lagGrowth);
    }

    private static async Task<long?> TimeAsync(long due, Task<bool> operation) =>
        await operation ? Stopwatch.GetTimestamp() - due : null;
}
