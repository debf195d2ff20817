using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// 4. A large customer base through the gateway: searching by a typo'd full name, an e-mail and a phone written
/// another way (target p95 under 20 ms at low concurrency), the first page of a 10,000-entry timeline (target p95
/// under 20 ms) and counting segments (target under 1 s), each against one primary-key read of a customer through
/// the gateway in the same run (the cheapest request that touches the same table). Latency at 1 and 4 connections.
/// </summary>
public sealed class SearchScenario(PlatformProcesses platform, BenchSettings settings, Report report, Guid tenantId, string apiKey)
{
    public async Task RunAsync()
    {
        Console.WriteLine($"bench: copying {settings.SearchCustomers:#,0} customers into Customers' database");
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await CustomerBase.SeedAsync(platform.Database("customersdb").ConnectionString, tenantId, settings.SearchCustomers);
        Console.WriteLine($"bench: seeded and indexed in {seeding.Elapsed.TotalSeconds:0.0} s");
        var ids = await SampleIdsAsync();
        var count = settings.SearchCustomers;
        var gateway = platform.Gateway.BaseAddress;
        var busy = ids[0];
        await CustomerBase.SeedTimelineAsync(platform.Database("customersdb").ConnectionString, tenantId, busy, TimelineEntries);
        var vipActive = await CreateSegmentAsync("VIP and active", new object[]
        {
            new { field = "tags", op = "hasAny", values = new[] { "vip" } },
            new { field = "status", op = "eq", value = "active" },
        });
        var everyone = await CreateSegmentAsync("Everyone", []);

        var queries = new (string Name, Func<Random, Uri> Target)[]
        {
            ("GET customer by id", random => new Uri(gateway, $"/api/v1/customers/{ids[random.Next(ids.Length)]}")),
            ("search: fuzzy name (typo)", random => Search("q", Typo(random, count))),
            ("search: e-mail", random => Search("email", CustomerBase.EmailOf(random.Next(count)).ToUpperInvariant())),
            ("search: phone, other format", random => Search("phone", NationalStyle(CustomerBase.PhoneOf(random.Next(count))))),
            ($"timeline first page ({TimelineEntries:#,0} entries)", _ => new Uri(gateway, $"/api/v1/customers/{busy}/timeline?limit=20")),
            ("segment count: tag and status", _ => new Uri(gateway, $"/api/v1/customers/segments/{vipActive}/count")),
            ("segment count: everyone", _ => new Uri(gateway, $"/api/v1/customers/segments/{everyone}/count")),
        };

        foreach (var connections in new[] { 1, 4 })
        {
            var results = new List<(string Name, Measurement Measurement)>();
            foreach (var (name, target) in queries)
            {
                Console.WriteLine($"bench: {name}, {connections} connection(s)");
                using var client = LoadClient(connections);
                results.Add((name, await Load.ClosedAsync(connections, settings.WarmUp, settings.Window, async random =>
                {
                    using var response = await client.GetAsync(target(random));
                    return response.StatusCode == HttpStatusCode.OK;
                })));
            }

            var baseline = results[0].Measurement;
            foreach (var (name, measurement) in results.Skip(1))
            {
                report.Add($"{name}, {count:#,0} customers", $"{connections} conn, closed loop", measurement, results[0].Name, baseline,
                    $"{measurement.P95Ms / baseline.P95Ms:0.0}× p95");
            }
        }

        Uri Search(string parameter, string value) => new(gateway, $"/api/v1/customers?{parameter}={Uri.EscapeDataString(value)}&limit=20");
    }

    private const int TimelineEntries = 10_000;

    private async Task<Guid> CreateSegmentAsync(string name, object[] conditions)
    {
        using var client = LoadClient(1);
        using var response = await client.PostAsJsonAsync(new Uri(platform.Gateway.BaseAddress, "/api/v1/customers/segments"), new { name, rules = new { conditions } });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating segment '{name}' gave {(int)response.StatusCode}: {body}");
        }

        using var created = System.Text.Json.JsonDocument.Parse(body);
        return created.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A random customer's full name with two neighbouring letters of the family name swapped.</summary>
    private static string Typo(Random random, int count)
    {
        var (given, family) = CustomerBase.NameOf(random.Next(count));
        var at = 1 + random.Next(family.Length - 2);
        var letters = family.ToCharArray();
        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
        return $"{given} {new string(letters)}";
    }

    /// <summary><c>+447712345678</c> as people write it: <c>0044 (77) 1234-5678</c>.</summary>
    private static string NationalStyle(string e164) =>
        string.Create(CultureInfo.InvariantCulture, $"00{e164[1..3]} ({e164[3..5]}) {e164[5..9]}-{e164[9..]}");

    private async Task<Guid[]> SampleIdsAsync()
    {
        var database = platform.Database("customersdb");
        var ids = new List<Guid>();
        for (var i = 0; i < 1000; i++)
        {
            ids.Add(await database.ScalarAsync<Guid>("SELECT id FROM customers TABLESAMPLE SYSTEM (1) LIMIT 1"));
        }

        return [.. ids.Where(id => id != Guid.Empty).Distinct()];
    }

    private HttpClient LoadClient(int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
