namespace CustomerPlatform.Bench;

/// <summary>
/// How long and how hard each scenario runs, sized for two cores shared by the load, the five apps, PostgreSQL
/// and RabbitMQ: the whole run stays within about five minutes. <c>--quick</c> shortens every window (a smoke run);
/// <c>--pipeline</c> runs only the purchase scenarios; <c>--search</c> only the customer search at scale; <c>--import</c> only the CSV import; <c>--page</c> only the public survey page and its baseline; <c>--loyalty</c> only the highest sustainable purchase rate and the webhook deliveries (6 and 7); <c>--standards</c> only closing a month and the live scorecard at the Standards issue's scale (8); <c>--probe</c> shows where purchases wait (<see cref="PipelineProbe"/>).
/// </summary>
public sealed record BenchSettings(
    int Customers,
    IReadOnlyList<(int Connections, TimeSpan WarmUp, TimeSpan Window, bool Saturating)> ReadRuns,
    int PipelineWorkers,
    TimeSpan WarmUp,
    TimeSpan Window,
    double ModerateRate,
    TimeSpan OpenLoop,
    bool Probe,
    bool PipelineOnly,
    int SearchCustomers,
    bool SearchOnly,
    int ImportRows,
    bool ImportOnly,
    bool PageOnly,
    bool LoyaltyOnly,
    TimeSpan StepWindow,
    int MaxSteps,
    int WebhookEvents,
    bool StandardsOnly,
    int StandardsResponses,
    int StandardsComplaints)
{
    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var unknown = args.Where(arg => arg is not "--quick" and not "--probe" and not "--pipeline" and not "--search" and not "--import" and not "--page" and not "--loyalty" and not "--standards").ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: [--quick] [--probe] [--pipeline] [--search] [--import] [--page] [--loyalty] [--standards]");
        }

        var scale = quick ? 0.3 : 1.0;
        TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Max(1, Math.Round(seconds * scale)));
        return new BenchSettings(
            // Enough that concurrent credits rarely meet on one account; each registration also opens a loyalty
            // account through the broker, so seeding costs the pipeline's time too.
            Customers: 300,
            // Throughput at saturation (64 connections, as wrk -c64 in ../shared/PERFORMANCE.md); latency at 1 and
            // 16, where a closed loop does not hide queueing.
            ReadRuns:
            [
                (64, Seconds(3), Seconds(10), true),
                (1, Seconds(2), Seconds(5), false),
                (16, Seconds(2), Seconds(5), false),
            ],
            PipelineWorkers: 64,
            WarmUp: Seconds(3),
            Window: Seconds(10),
            ModerateRate: 50,
            OpenLoop: Seconds(15),
            Probe: args.Contains("--probe"),
            PipelineOnly: args.Contains("--pipeline"),
            // The scale: a million customers in one business (copied in, about a minute with its indexes).
            SearchCustomers: quick ? 200_000 : 1_000_000,
            SearchOnly: args.Contains("--search"),
            // The file: 100,000 rows, imported through the gateway as one CSV.
            ImportRows: quick ? 30_000 : 100_000,
            ImportOnly: args.Contains("--import"),
            // The public survey page against the gateway's GET customer (scenario 5), measured together.
            PageOnly: args.Contains("--page"),
            LoyaltyOnly: args.Contains("--loyalty"),
            // Long enough that a rate 20 % above what the pipeline sustains builds a lag of seconds, short enough
            // that both searches fit the five minutes.
            StepWindow: Seconds(10),
            MaxSteps: quick ? 3 : 7,
            // Each becomes one PointsAdjusted and one delivery; the delivery worker sends one at a time.
            WebhookEvents: quick ? 200 : 1_000,
            StandardsOnly: args.Contains("--standards"),
            // The month: 1,000,000 responses and 100,000 complaints over 50 branches.
            StandardsResponses: quick ? 200_000 : 1_000_000,
            StandardsComplaints: quick ? 20_000 : 100_000);
    }
}
