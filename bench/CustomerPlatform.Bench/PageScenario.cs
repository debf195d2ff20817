using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// 5. The public survey page: <c>GET /s/{token}</c> through the gateway with no API key (the per-IP limiter raised
/// for the bench, <see cref="BenchPlatform"/>), spread over <see cref="Invitations"/> open invitations of one
/// published survey, against the gateway's <c>GET /api/v1/customers/{id}</c> of the same run (issue target: the page
/// at ≥ 0.5× its throughput). Only reads the form: nothing is answered, so every link stays open.
/// </summary>
public sealed class PageScenario(PlatformProcesses platform, BenchSettings settings, Report report, string apiKey, Guid[] customerIds)
{
    public const string Page = "public survey page GET /s/{token}";
    private const string Baseline = "GET customer: gateway";
    private const int Invitations = 50;

    /// <param name="gatewayReads">Scenario 1's gateway figures by connections, when it ran in this invocation.</param>
    public async Task RunAsync(IReadOnlyDictionary<int, Measurement>? gatewayReads)
    {
        Console.WriteLine($"bench: publishing a survey and inviting {Invitations} customers to it");
        var pages = await InviteAsync();
        var gateway = platform.Gateway.BaseAddress;
        var customers = customerIds.Select(id => new Uri(gateway, $"/api/v1/customers/{id}")).ToArray();
        foreach (var (connections, warmUp, window, saturating) in settings.ReadRuns.Where(run => run.Connections is 64 or 1))
        {
            if (gatewayReads is null || !gatewayReads.TryGetValue(connections, out var baseline))
            {
                Console.WriteLine($"bench: GET customer, gateway, {connections} connection(s) (the page's baseline)");
                using var keyed = Scenarios.LoadClient(connections, apiKey);
                baseline = await Load.ClosedAsync(connections, warmUp, window, random => OkAsync(keyed, customers[random.Next(customers.Length)]));
            }

            Console.WriteLine($"bench: public survey page, {connections} connection(s)");
            // No Authorization: the gateway would drop it anyway, and a customer's browser has none.
            using var client = Scenarios.LoadClient(connections, bearer: null);
            var page = await Load.ClosedAsync(connections, warmUp, window, random => OkAsync(client, pages[random.Next(pages.Length)]));
            report.Add(Page, $"{connections} conn, closed loop", page, Baseline, baseline, Report.Ratio(page, baseline, saturating));
        }
    }

    private static async Task<bool> OkAsync(HttpClient client, Uri target)
    {
        using var response = await client.GetAsync(target);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>A published five-question survey (the end-to-end test's) and open invitations to it, as page addresses on the gateway.</summary>
    private async Task<Uri[]> InviteAsync()
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var survey = await PostAsync(client, "/api/v1/feedback/surveys", new
        {
            name = "After your visit",
            kind = "custom",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = English("How likely are you to recommend us?") },
                new { key = "ces", type = "ces", text = English("How easy was it?") },
                new { key = "visit", type = "singleChoice", text = English("Why did you come?"), options = Options("shop", "repair") },
                new { key = "liked", type = "multipleChoice", text = English("What did you like?"), options = Options("price", "staff", "speed") },
                new { key = "comment", type = "freeText", text = English("Anything else?") },
            },
        });
        var surveyId = survey.GetProperty("id").GetGuid();
        await PostAsync(client, $"/api/v1/feedback/surveys/{surveyId}/publish", body: null);
        var pages = new Uri[Invitations];
        for (var i = 0; i < pages.Length; i++)
        {
            var invitation = await PostAsync(client, $"/api/v1/feedback/surveys/{surveyId}/invitations",
                new { branch = "central", channel = "email", customerId = customerIds[i % customerIds.Length] });
            pages[i] = new Uri(platform.Gateway.BaseAddress, invitation.GetProperty("url").GetString()!);
        }

        return pages;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(IdempotencyFilter.HeaderName, Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {path} gave {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> English(string text) => new() { ["en-GB"] = text };

    private static object[] Options(params string[] keys) =>
        [.. keys.Select(key => new { key, label = English(char.ToUpperInvariant(key[0]) + key[1..]) })];
}
