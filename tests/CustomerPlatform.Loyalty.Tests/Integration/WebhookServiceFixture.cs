using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Loyalty.Features.Webhooks;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>
/// The Loyalty service with a delivery worker that polls and retries in fractions of a second (the schedule's shape
/// is the unit tests' business), plus helpers that call the webhook API with the webhooks:manage scope.
/// </summary>
public sealed class WebhookServiceFixture()
    : ConsumingServiceFixture<Program>(
        "loyaltydb", LoyaltyServiceFixture.CustomerRegisteredQueue, LoyaltyServiceFixture.PurchaseRecordedQueue, PointsEarnedWebhookQueue)
{
    public const string PointsEarnedWebhookQueue = "loyalty-webhooks-points-earned-v1";
    public const string Path = "/api/v1/loyalty/webhooks";

    public static readonly IReadOnlyList<string> ManageScopes = ["loyalty:read", "loyalty:write", "webhooks:manage"];

    /// <summary>Sends as the tenant with <paramref name="scopes"/> (default: loyalty read/write and webhooks:manage).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        Guid tenantId, HttpMethod method, string path, object? body = null, string? branch = null, IReadOnlyList<string>? scopes = null,
        string? ifMatch = null, string? idempotencyKey = null)
    {
        using var client = Service.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, scopes ?? ManageScopes, branch));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotentRequest.KeyHeader, idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Lets the tenant's webhooks reach loopback over plain http, as a receiver on this machine needs.</summary>
    public async Task AllowLoopbackAsync(Guid tenantId)
    {
        using var response = await SendAsync(tenantId, HttpMethod.Put, Path + "/settings", new { allowPrivateNetworks = true, allowHttp = true });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Subscribes the URL to PointsEarned; returns the id and the secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(Guid tenantId, string url, string? branch = null)
    {
        using var response = await SendAsync(tenantId, HttpMethod.Post, Path, new { url, eventTypes = new[] { "loyalty.points-earned.v1" }, branch });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var created = JsonDocument.Parse(body);
        return (created.RootElement.GetProperty("id").GetGuid(), created.RootElement.GetProperty("secret").GetString()!);
    }

    /// <summary>Registers the customer and records a purchase, waiting until Loyalty has credited it.</summary>
    public async Task EarnAsync(Guid tenantId, Guid customerId, decimal amount)
    {
        var registered = Guid.NewGuid();
        await PublishAsync(LoyaltyEvents.Registered(tenantId, customerId), registered);
        await WaitUntilConsumedAsync(registered);
        var purchase = Guid.NewGuid();
        await PublishAsync(LoyaltyEvents.Purchase(tenantId, customerId, amount), purchase);
        await WaitUntilConsumedAsync(purchase, queue: LoyaltyServiceFixture.PurchaseRecordedQueue);
    }

    /// <summary>The invariant every points-changing scenario keeps: the account's balance is the sum of its ledger.</summary>
    public async Task AssertBalanceIsLedgerSumAsync(Guid tenantId, Guid customerId)
    {
        var balance = await Database.ScalarAsync<long>(
            "SELECT balance FROM accounts WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", customerId));
        var ledger = await Database.ScalarAsync<long>(
            """
            SELECT coalesce(sum(e.points), 0)::bigint FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
            WHERE a.tenant_id = @tenant AND a.customer_id = @customer
            """,
            ("tenant", tenantId), ("customer", customerId));
        Assert.Equal(ledger, balance);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.PostConfigure<WebhookOptions>(options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.RetryDelays = [TimeSpan.FromMilliseconds(300)];
            options.Timeout = TimeSpan.FromSeconds(5);
        });
    }
}
