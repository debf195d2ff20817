using System.Net;
using System.Net.Http.Headers;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>The scenarios of issues #3, #4 and #6 and the public page's, each beside its baseline measured in the same run.</summary>
public sealed class Scenarios(PlatformProcesses platform, BenchSettings settings, Report report, HttpClient control)
{
    private const string Direct = "direct to Customers";
    private const string Yarp = "bare YARP";
    private const string Gateway = "gateway";
    private const string PurchaseToPoints = "purchase → points credited";
    private const string RawMassTransit = "raw MassTransit publish→consume";

    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(30);

    private Guid _tenantId;
    private string _apiKey = "";
    private Guid[] _customerIds = [];

    public async Task RunAsync()
    {
        (_tenantId, _apiKey) = await platform.CreateBusinessAsync(control, "Bench Bakery");
        if (settings.ImportOnly)
        {
            await new ImportScenario(platform, settings, report, _tenantId, _apiKey).RunAsync();
            return;
        }

        if (settings.StandardsOnly)
        {
            await new StandardsScenario(platform, settings, report, control).RunAsync();
            return;
        }

        if (settings.SearchOnly)
        {
            await new SearchScenario(platform, settings, report, _tenantId, _apiKey).RunAsync();
            return;
        }

        Console.WriteLine($"bench: seeding {settings.Customers} customers");
        _customerIds = await Seed.CustomersAsync(platform, _apiKey, settings.Customers);

        if (settings.LoyaltyOnly)
        {
            await PurchasesToPointsAsync();
            await new WebhookScenario(platform, settings, report, _apiKey, _customerIds).RunAsync();
            return;
        }

        if (settings.PageOnly)
        {
            await new PageScenario(platform, settings, report, _apiKey, _customerIds).RunAsync(gatewayReads: null);
            return;
        }

        if (!settings.PipelineOnly)
        {
            await new PageScenario(platform, settings, report, _apiKey, _customerIds).RunAsync(await ReadCustomerAsync());
        }

        await PurchasesToPointsAsync();
        if (!settings.PipelineOnly)
        {
            await new ImportScenario(platform, settings, report, _tenantId, _apiKey).RunAsync();

            // Last: its million rows would otherwise sit in the same PostgreSQL as the other scenarios' working set.
            await new SearchScenario(platform, settings, report, _tenantId, _apiKey).RunAsync();
        }
    }

    /// <summary>
    /// 1. One DB-backed read: the gateway (API key, limits, audit, token signing, YARP) against the service itself.
    /// Returns the gateway's figures by connections, the baseline of scenario 5.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, Measurement>> ReadCustomerAsync()
    {
        await using var bareYarp = await BareYarp.StartAsync(platform.Customers.BaseAddress, control);
        var targets = new (string Name, Uri BaseAddress, Func<string> Bearer)[]
        {
            (Direct, platform.Customers.BaseAddress, () => InternalTokens.For(_tenantId, [.. InternalTokens.AllScopes])),
            (Yarp, bareYarp.BaseAddress, () => InternalTokens.For(_tenantId, [.. InternalTokens.AllScopes])),
            (Gateway, platform.Gateway.BaseAddress, () => _apiKey),
        };
        var reads = new Dictionary<(string Target, int Connections), Measurement>();
        // Each concurrency runs every target back to back, so a neighbour's burst hits them alike.
        foreach (var (connections, warmUp, window, _) in settings.ReadRuns)
        {
            foreach (var (name, baseAddress, bearer) in targets)
            {
                Console.WriteLine($"bench: GET customer, {name}, {connections} connection(s)");
                // A fresh token per run: it lives a minute, longer than any run.
                using var client = LoadClient(connections, bearer());
                var paths = _customerIds.Select(id => new Uri(baseAddress, $"/api/v1/customers/{id}")).ToArray();
                reads[(name, connections)] = await Load.ClosedAsync(connections, warmUp, window, async random =>
                {
                    using var response = await client.GetAsync(paths[random.Next(paths.Length)]);
                    return response.StatusCode == HttpStatusCode.OK;
                });
            }
        }

        foreach (var (connections, _, _, saturating) in settings.ReadRuns)
        {
            var load = $"{connections} conn, closed loop";
            var direct = reads[(Direct, connections)];
            var yarp = reads[(Yarp, connections)];
            var gateway = reads[(Gateway, connections)];
            report.Add("GET customer: gateway", load, gateway, Direct, direct, Report.Ratio(gateway, direct, saturating));
            report.Add("GET customer: bare YARP", load, yarp, Direct, direct, Report.Ratio(yarp, direct, saturating));
            report.Add("GET customer: gateway", load, gateway, Yarp, yarp, Report.Ratio(gateway, yarp, saturating));
        }

        return reads.Where(read => read.Key.Target == Gateway).ToDictionary(read => read.Key.Connections, read => read.Value);
    }

    /// <summary>
    /// 2. Purchases through the gateway until their points are credited, against MassTransit alone; 3. one
    /// purchase's latency to its points at a moderate rate and at three quarters of the saturated rate; with
    /// <c>--loyalty</c>, 6. the highest rate sustained with zero loss instead of 3 (<see cref="SustainableRateScenario"/>).
    /// </summary>
    private async Task PurchasesToPointsAsync()
    {
        await using var watcher = await PointsEarnedWatcher.StartAsync(platform.Broker.ConnectionString);
        await using var rawBus = await RawBus.StartAsync();
        using var client = LoadClient(settings.PipelineWorkers, _apiKey);
        Operation purchase = async random =>
        {
            var customerId = _customerIds[random.Next(_customerIds.Length)];
            var purchaseId = await Seed.PostPurchaseAsync(client, platform.Gateway.BaseAddress, customerId);
            return purchaseId is { } id && await watcher.Credits.WaitAsync(id, CompletionTimeout) is not null;
        };
        Operation publish = _ => rawBus.PublishAndConsumeAsync(CompletionTimeout);

        Console.WriteLine($"bench: purchase to points, {settings.PipelineWorkers} in flight");
        Measurement pipeline;
        await using (PipelineProbe.StartIf(settings.Probe, platform))
        {
            pipeline = await Load.ClosedAsync(settings.PipelineWorkers, settings.WarmUp, settings.Window, purchase);
        }

        Console.WriteLine($"bench: raw MassTransit publish to consume, {settings.PipelineWorkers} in flight");
        var raw = await Load.ClosedAsync(settings.PipelineWorkers, settings.WarmUp, settings.Window, publish);
        report.Add(PurchaseToPoints, $"{settings.PipelineWorkers} in flight, closed loop", pipeline,
            RawMassTransit, raw, Report.Ratio(pipeline, raw, saturating: true));
        if (settings.LoyaltyOnly)
        {
            await new SustainableRateScenario(platform, settings, report).RunAsync(purchase, watcher.Credits, pipeline, publish, rawBus.Consumed, raw);
            return;
        }

        var rates = new[] { settings.ModerateRate, Math.Round(pipeline.PerSecond * 0.75) }.Where(rate => rate > 0).Distinct();
        foreach (var rate in rates)
        {
            Console.WriteLine($"bench: purchase to points at {rate}/s for {settings.OpenLoop.TotalSeconds} s, then raw MassTransit alike");
            var paced = await Load.OpenAsync(rate, settings.OpenLoop, purchase);
            var pacedRaw = await Load.OpenAsync(rate, settings.OpenLoop, publish);
            report.Add(PurchaseToPoints, $"{rate}/s, open loop", paced, RawMassTransit, pacedRaw, Report.Ratio(paced, pacedRaw, saturating: false));
        }
    }

    /// <summary>A client for one load run, its pool sized to the run; no Authorization when <paramref name="bearer"/> is null.</summary>
    internal static HttpClient LoadClient(int connections, string? bearer)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            Timeout = CompletionTimeout,
        };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }
}
