using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>The data every scenario needs, created through the gateway as a till would.</summary>
public static class Seed
{
    private const string PurchaseBody = """{"branch":"main","amount":12.50,"currency":"EUR"}""";

    /// <summary>Registers customers and waits until Loyalty has opened an account for each.</summary>
    public static async Task<Guid[]> CustomersAsync(PlatformProcesses platform, string apiKey, int count)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var ids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            using var response = await client.PostAsJsonAsync(
                new Uri(platform.Gateway.BaseAddress, "/api/v1/customers"), new { displayName = $"Bench customer {i}" }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Registering a customer gave {(int)response.StatusCode}: {body}");
            }

            using var created = JsonDocument.Parse(body);
            ids[i] = created.RootElement.GetProperty("id").GetGuid();
        });

        var loyalty = platform.Database("loyaltydb");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        long accounts;
        while ((accounts = await loyalty.ScalarAsync<long>("SELECT count(*) FROM accounts")) < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Loyalty opened {accounts} of {count} accounts within 60 s.");
            }

            await Task.Delay(200);
        }

        return ids;
    }

    /// <summary>Records a purchase as a till would (with an idempotency key); its id, or null when it was refused.</summary>
    public static async Task<Guid?> PostPurchaseAsync(HttpClient client, Uri gateway, Guid customerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, $"/api/v1/customers/{customerId}/purchases"))
        {
            Content = new StringContent(PurchaseBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyFilter.HeaderName, Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        // The Location ends in the purchase's id; reading it spares the load generator a JSON parse per request.
        return response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location
            ? Guid.Parse(location.OriginalString.AsSpan(location.OriginalString.LastIndexOf('/') + 1))
            : null;
    }
}
