using System.Net;
using System.Text.Json;
using CustomerPlatform.EndToEnd.Tests;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Faults.Tests;

/// <summary>The steps every fault scenario shares: a healthy platform, customers to buy, traffic to watch.</summary>
public static class FaultScenario
{
    /// <summary>Steady, moderate load: enough to catch a message mid-flight at every fault, far below saturation.</summary>
    public const int PurchasesPerSecond = 25;

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Waits until every app answers <c>/health</c> (its database and the broker reachable).</summary>
    public static async Task WaitUntilHealthyAsync(PlatformFixture platform) =>
        await Task.WhenAll(platform.Services.Append(platform.Gateway)
            .Select(app => app.WaitUntilHealthyAsync(platform.Http, HealthTimeout)));

    /// <summary>Registers customers of business A and waits until Loyalty has opened their accounts.</summary>
    public static async Task<IReadOnlyList<Guid>> RegisterCustomersAsync(PlatformFixture platform, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", platform.BusinessA,
                new { displayName = $"Fault customer {i}", emails = new[] { $"fault.{Guid.NewGuid():N}@example.com" }, homeBranch = "central" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
            using var created = JsonDocument.Parse(body);
            ids.Add(created.RootElement.GetProperty("id").GetGuid());
        }

        var loyalty = platform.Database("loyaltydb");
        await Eventually.AssertAsync(
            async () => await loyalty.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE customer_id = ANY(@ids)", ("ids", ids.ToArray())) == count,
            "Loyalty should open an account for every new customer",
            TimeSpan.FromSeconds(60));
        return ids;
    }

    /// <summary>
    /// Lets the traffic run for about <paramref name="seconds"/> more seconds, measured in purchases started
    /// rather than a sleep, so the fault lands while requests and messages are in flight.
    /// </summary>
    public static async Task LetRunAsync(PurchaseTraffic traffic, double seconds)
    {
        var target = traffic.Sent + (int)(seconds * PurchasesPerSecond);
        await Eventually.AssertAsync(
            () => Task.FromResult(traffic.Sent >= target),
            $"the traffic should keep sending purchases (reached {traffic.Sent} of {target})",
            TimeSpan.FromSeconds(seconds * 4 + 10));
    }
}
