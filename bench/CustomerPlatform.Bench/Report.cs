using System.Globalization;

namespace CustomerPlatform.Bench;

/// <summary>The table the run ends with (Markdown, so bench/README.md can hold it as printed).</summary>
public sealed class Report
{
    private readonly List<(string Scenario, string Load, Measurement Subject, string Baseline, Measurement Reference, string Ratio)> _rows = [];
    private readonly List<string> _notes = [];

    public bool AnyFailures => _rows.Any(row => row.Subject.Failed > 0 || row.Reference.Failed > 0 || row.Subject.Completed == 0);

    /// <summary>Throughput ratio for a saturating run; for a latency run, the p50 the subject adds.</summary>
    public static string Ratio(Measurement subject, Measurement baseline, bool saturating) => saturating
        ? $"{subject.PerSecond / baseline.PerSecond:0.00}× throughput"
        : $"{subject.P50Ms - baseline.P50Ms:+0.000;-0.000} ms p50";

    public void Add(string scenario, string load, Measurement subject, string baseline, Measurement reference, string ratio) =>
        _rows.Add((scenario, load, subject, baseline, reference, ratio));

    /// <summary>A line printed under the table (e.g. each step of a search), for the record of how a row was found.</summary>
    public void Note(string line) => _notes.Add(line);

    public void Print(TextWriter output)
    {
        output.WriteLine("| scenario | load | /s | p50 ms | p95 ms | p99 ms | baseline (same run) | /s | p50 ms | p95 ms | p99 ms | ratio |");
        output.WriteLine("|---|---|--:|--:|--:|--:|---|--:|--:|--:|--:|---|");
        foreach (var row in _rows)
        {
            output.WriteLine($"| {row.Scenario} | {row.Load} | {Cells(row.Subject)} | {row.Baseline} | {Cells(row.Reference)} | {row.Ratio} |");
        }

        var failures = _rows.Where(row => row.Subject.Failed > 0 || row.Reference.Failed > 0).ToList();
        foreach (var row in failures)
        {
            output.WriteLine($"FAILED operations: {row.Scenario} ({row.Load}): {row.Subject.Failed}; {row.Baseline}: {row.Reference.Failed}");
        }

        if (_notes.Count > 0)
        {
            output.WriteLine();
            foreach (var note in _notes)
            {
                output.WriteLine("- " + note);
            }
        }
    }

    private static string Cells(Measurement measurement) => string.Join(" | ",
        measurement.PerSecond.ToString("#,0", CultureInfo.InvariantCulture),
        Milliseconds(measurement.P50Ms),
        Milliseconds(measurement.P95Ms),
        Milliseconds(measurement.P99Ms));

    private static string Milliseconds(double value) =>
        value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);
}
