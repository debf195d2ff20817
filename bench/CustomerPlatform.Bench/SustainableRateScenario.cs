using System.Globalization;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// 6. The highest purchases→points rate with zero loss (issue #6), against raw MassTransit searched the same way in
/// the same run. An open-loop step search: each rate is held for <see cref="BenchSettings.StepWindow"/>, starting at
/// <see cref="StartFraction"/> of what the closed loop (scenario 2) reached (at least <see cref="MinimumStartRate"/>/s) and rising by <see cref="Rise"/> until a
/// step is not sustainable. A step is sustainable when every operation completed, every id it waited for was seen
/// exactly once (and, for purchases, has exactly one earn entry on Loyalty's ledger), and the median lag of the
/// step's last quarter is at most <see cref="LagGrowthLimitMs"/> ms above its first quarter's (no backlog building up).
/// </summary>
public sealed class SustainableRateScenario(PlatformProcesses platform, BenchSettings settings, Report report)
{
    public const double StartFraction = 0.6;
    public const double Rise = 1.2;
    public const double LagGrowthLimitMs = 250;
    public const double MinimumStartRate = 5;

    private const string Scenario = "purchase → points credited, highest rate with zero loss";
    private const string Baseline = "raw MassTransit publish→consume, same search";

    /// <summary>How long ids that did not arrive within the step may still take before they count as lost.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    public async Task RunAsync(
        Operation purchase, CompletionWaiter credits, Measurement closedPipeline, Operation publish, CompletionWaiter consumed, Measurement closedRaw)
    {
        var pipeline = await SearchAsync("purchase → points", closedPipeline.PerSecond, purchase, credits, LedgerEarnEntriesAsync);
        var raw = await SearchAsync("raw MassTransit", closedRaw.PerSecond, publish, consumed, ledger: null);
        foreach (var step in pipeline.Steps.Concat(raw.Steps))
        {
            report.Note(step.Line);
        }

        if (pipeline.Highest is null || raw.Highest is null)
        {
            // No sustainable step: the lowest one tried goes in the table with its failures, so the run exits 1.
            var subject = pipeline.Highest ?? pipeline.Steps.MinBy(step => step.Rate)!;
            var reference = raw.Highest ?? raw.Steps.MinBy(step => step.Rate)!;
            report.Add(Scenario, "no sustainable step found", Failing(subject), Baseline, Failing(reference), "n/a");
            return;
        }

        report.Add(
            Scenario,
            $"open loop, {Describe(pipeline)}",
            pipeline.Highest.Measured,
            Baseline + $" ({Describe(raw)})",
            raw.Highest.Measured,
            Report.Ratio(pipeline.Highest.Measured, raw.Highest.Measured, saturating: true));
    }

    private string Describe(Search search) =>
        $"{settings.StepWindow.TotalSeconds:0} s steps, {search.Highest!.Rate:0}/s held" +
        (search.Steps.Any(step => !step.Sustainable) ? $", {search.Steps.First(step => !step.Sustainable).Rate:0}/s not" : ", no failing step reached");

    // A step that lost or duplicated nothing but still failed (a growing lag) must fail the run too.
    private static Measurement Failing(Step step) =>
        step.Measured with { Failed = Math.Max(1, step.Measured.Failed + step.Tally.Missing + step.Tally.Duplicated) };

    private async Task<Search> SearchAsync(
        string name, double closedLoopRate, Operation operation, CompletionWaiter waiter, Func<IReadOnlyList<Guid>, Task<long>>? ledger)
    {
        var steps = new List<Step>();
        Step? highest = null;
        // A closed loop starved by the machine's neighbours can reach nearly nothing; the search still starts somewhere.
        var rate = Math.Max(MinimumStartRate, Math.Round(closedLoopRate * StartFraction));
        var lowered = 0;
        while (steps.Count < settings.MaxSteps)
        {
            var step = await StepAsync(name, rate, operation, waiter, ledger);
            steps.Add(step);
            Console.WriteLine("bench: " + step.Line);
            if (step.Sustainable)
            {
                highest = step;
                rate = Math.Max(rate + 1, Math.Round(rate * Rise));
            }
            else if (highest is null && lowered++ < 2)
            {
                // Started above what this machine sustains now: come down before rising again.
                rate = Math.Max(1, Math.Round(rate / 2));
            }
            else
            {
                break;
            }
        }

        return new Search(highest, steps);
    }

    private async Task<Step> StepAsync(string name, double rate, Operation operation, CompletionWaiter waiter, Func<IReadOnlyList<Guid>, Task<long>>? ledger)
    {
        Console.WriteLine($"bench: {name} at {rate}/s for {settings.StepWindow.TotalSeconds} s");
        // Forget ids from earlier runs: this step answers only for its own.
        waiter.TakeTally();
        var measured = await Load.OpenAsync(rate, settings.StepWindow, operation);
        var deadline = DateTimeOffset.UtcNow + Drain;
        while (waiter.Missing > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var tally = waiter.TakeTally();
        long? entries = ledger is null ? null : await ledger(tally.Awaited);
        return new Step(name, rate, measured, tally, entries);
    }

    /// <summary>Loyalty's earn entries for these purchases (the unique source key makes a second one impossible; a missing one is loss).</summary>
    private Task<long> LedgerEarnEntriesAsync(IReadOnlyList<Guid> purchaseIds) =>
        platform.Database("loyaltydb").ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE type = 'Earn' AND source = 'Purchase' AND source_id = ANY(@ids)",
            ("ids", purchaseIds.ToArray()));

    private sealed record Search(Step? Highest, List<Step> Steps);

    private sealed record Step(string Name, double Rate, Measurement Measured, Tally Tally, long? LedgerEntries)
    {
        private bool LagGrew => Measured.LagGrowthMs > LagGrowthLimitMs;

        private bool LedgerShort => LedgerEntries is { } entries && entries != Tally.Awaited.Count;

        public bool Sustainable =>
            Measured.Completed > 0 && Measured.Failed == 0 && Tally.Missing == 0 && Tally.Duplicated == 0 && !LedgerShort && !LagGrew;

        private string LedgerText => LedgerEntries is { } entries ? $", {entries} ledger earn entries" : "";

        private string Verdict => Sustainable ? "sustainable" : "NOT sustainable";

        public string Line => string.Create(CultureInfo.InvariantCulture,
            $"{Name} at {Rate:0}/s: {Measured.Completed} of {Measured.Completed + Measured.Failed} completed in time, " +
            $"{Tally.Awaited.Count} awaited, {Tally.Missing} never seen, {Tally.Duplicated} seen twice{LedgerText}" +
            $"; p50 {Measured.P50Ms:0.0} ms, p99 {Measured.P99Ms:0.0} ms, median lag last vs first quarter {Measured.LagGrowthMs:+0.0;-0.0} ms: {Verdict}");
    }
}
