using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// 8. Standards at the scale: ten standards over 50 branches, and a month of 1,000,000 survey responses,
/// 100,000 complaints and their deadlines, purchases, invitations, compensation and follow-ups in Standards' own
/// tables. The facts are written straight into its database (<see cref="StandardsFacts"/>): the consumers that keep
/// them are measured by the pipeline scenarios, and a million events would take this machine minutes to deliver.
/// Measures the live scorecard of one branch (the open month, 1 connection) and closing the previous month of each
/// of <see cref="Businesses"/> businesses, against <c>GET /service-standards</c> of the same run.
/// </summary>
public sealed class StandardsScenario(PlatformProcesses platform, BenchSettings settings, Report report, HttpClient control)
{
    public const int Branches = 50;
    private const int Businesses = 3;
    private const string Baseline = "GET service standards: gateway";

    public async Task RunAsync()
    {
        var thisMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var businesses = new List<(Guid TenantId, HttpClient Client)>();
        try
        {
            for (var i = 0; i < Businesses; i++)
            {
                var (tenantId, apiKey) = await platform.CreateBusinessAsync(control, $"Standards bench {i + 1}");
                var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                businesses.Add((tenantId, client));
                Console.WriteLine($"bench: standards business {i + 1}: {Branches} branches, ten standards, two months of facts");
                await RegisterBranchesAsync(client);
                await CreateStandardsAsync(client);
                await StandardsFacts.SeedAsync(platform.Database("standardsdb"), tenantId, Branches, [lastMonth, thisMonth], settings.StandardsResponses, settings.StandardsComplaints);
                await PutAsync(client, "/api/v1/standards/service-period-settings", new { length = "month", firstPeriodStart = lastMonth, closeAfterHours = StandardsFacts.NeverCloseOnItsOwnHours });
            }

            var (_, first) = businesses[0];
            var live = new Uri(platform.Gateway.BaseAddress, $"/api/v1/standards/service-periods/{thisMonth:yyyy-MM-dd}?branch=BR-07");
            var standards = new Uri(platform.Gateway.BaseAddress, "/api/v1/standards/service-standards");
            Console.WriteLine("bench: GET service standards (baseline), 1 connection");
            var baseline = await Load.ClosedAsync(1, settings.WarmUp, settings.Window, _ => OkAsync(first, standards));
            Console.WriteLine("bench: live scorecard of one branch, 1 connection");
            var scorecard = await Load.ClosedAsync(1, settings.WarmUp, settings.Window, _ => OkAsync(first, live));
            report.Add("live scorecard of one branch (10 standards)", "1 conn, closed loop", scorecard, Baseline, baseline, Report.Ratio(scorecard, baseline, saturating: false));

            var closes = new List<long>();
            foreach (var (_, client) in businesses)
            {
                var started = Stopwatch.GetTimestamp();
                using var closed = await client.PostAsync($"/api/v1/standards/service-periods/{lastMonth:yyyy-MM-dd}/close", content: null);
                var ticks = Stopwatch.GetTimestamp() - started;
                var body = await closed.Content.ReadAsStringAsync();
                if (closed.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"closing {lastMonth:yyyy-MM}: {(int)closed.StatusCode} {body}");
                }

                var lines = JsonDocument.Parse(body).RootElement.GetProperty("results").GetArrayLength();
                Console.WriteLine($"bench: closed {lastMonth:yyyy-MM} in {Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds:0} ms ({lines} scorecard lines)");
                closes.Add(ticks);
            }

            var close = Measurement.From(closes, failed: 0, TimeSpan.FromTicks(closes.Sum()));
            report.Add($"close a month: {Branches} branches, {settings.StandardsResponses:#,0} responses, {settings.StandardsComplaints:#,0} complaints", $"{Businesses} closes, one at a time",
                close, Baseline, baseline, $"{close.P50Ms / baseline.P50Ms:0}× the baseline's p50");
        }
        finally
        {
            foreach (var (_, client) in businesses)
            {
                client.Dispose();
            }
        }
    }

    private static async Task RegisterBranchesAsync(HttpClient client)
    {
        for (var i = 0; i < Branches; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/branches", new
            {
                code = $"BR-{i:00}",
                name = $"Branch {i}",
                timeZone = "Europe/London",
                openingHours = Enum.GetValues<DayOfWeek>().Where(day => day is not DayOfWeek.Sunday)
                    .Select(day => new { day = JsonNamingPolicy.CamelCase.ConvertName(day.ToString()), opens = "08:00", closes = "18:00" }),
            });
            await EnsureSuccessAsync(response, "registering a branch");
        }
    }

    private static async Task CreateStandardsAsync(HttpClient client)
    {
        object[] standards =
        [
            new { name = "Acknowledge within a business day", metric = "complaint-acknowledgement-time", comparator = "atMost", target = 600, warningThreshold = 480 },
            new { name = "Resolve within a business week", metric = "complaint-resolution-time", comparator = "atMost", target = 3000, warningThreshold = 2400 },
            new { name = "Recommended", metric = "nps", comparator = "atLeast", target = 30, warningThreshold = 40 },
            new { name = "Satisfied", metric = "csat", comparator = "atLeast", target = 70, warningThreshold = 80 },
            new { name = "Easy", metric = "ces", comparator = "atMost", target = 4, warningThreshold = 3 },
            new { name = "Heard", metric = "survey-response-rate", comparator = "atLeast", target = 20, warningThreshold = 30 },
            new { name = "Few complaints", metric = "complaints-per-100-purchases", comparator = "atMost", target = 3, warningThreshold = 2 },
            new { name = "Follow-ups kept", metric = "follow-up-completion", comparator = "atLeast", target = 90, warningThreshold = 95 },
            new { name = "Compensation kept low", metric = "compensation-cost-per-100-purchases", comparator = "atMost", target = 100, warningThreshold = 80 },
            new { name = "Policies read", metric = "policy-acknowledgement-rate", comparator = "atLeast", target = 90, warningThreshold = 95 },
        ];
        foreach (var standard in standards)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/standards/service-standards", standard);
            await EnsureSuccessAsync(response, "creating a standard");
        }
    }

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(path, body);
        await EnsureSuccessAsync(response, $"PUT {path}");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<bool> OkAsync(HttpClient client, Uri target)
    {
        using var response = await client.GetAsync(target);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
