using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Loyalty.Tests.Webhooks;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>Deliveries to receiver.py, a receiver written in Python from docs/webhooks.md alone.</summary>
[Trait("Category", "Integration")]
public sealed class WebhookDeliveryTests(WebhookServiceFixture fixture) : IClassFixture<WebhookServiceFixture>
{
    private const string Path = WebhookServiceFixture.Path;

    [Fact]
    public async Task PurchaseRecorded_DeliversPointsEarnedThatThePythonReceiverVerifies()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync();
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, secret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        await receiver.TrustAsync(secret);

        await fixture.EarnAsync(tenantId, customerId, 42m);

        var received = Assert.Single(await receiver.WaitForAsync(1, "the receiver should get PointsEarned"));
        Assert.True(received.Verified, "receiver.py should verify the signature as docs/webhooks.md describes");
        Assert.True(received.Fresh);
        Assert.Equal(1, received.SignatureCount);
        Assert.Equal("application/json", received.ContentType.Split(';')[0]);
        Assert.Equal(received.Body.GetProperty("eventId").GetString(), received.WebhookId);
        Assert.Equal(42, received.Body.GetProperty("points").GetInt64());
        Assert.Equal(42, received.Body.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(customerId, received.Body.GetProperty("customerId").GetGuid());
        Assert.Equal(1, received.Body.GetProperty("schemaVersion").GetInt32());
        var delivery = await Eventually.GetAsync(
            async () => await DeliveriesAsync(tenantId, id, "?status=delivered") is [var one] ? (JsonElement?)one : null,
            "the delivery should be logged as delivered");
        Assert.Equal(1, delivery.GetValueOrDefault().GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetValueOrDefault().GetProperty("lastStatusCode").GetInt32());
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    [Fact]
    public async Task ReceiverAnswering500Then200_IsRetriedAfterABackoffThenDelivered()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync(500, 500);
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, secret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        await receiver.TrustAsync(secret);

        await fixture.EarnAsync(tenantId, customerId, 10m);

        var received = await receiver.WaitForAsync(3, "two failures then a success");
        Assert.Equal([500, 500, 200], received.Select(attempt => attempt.Status));
        Assert.Single(received.Select(attempt => attempt.WebhookId).Distinct());
        Assert.All(received, attempt => Assert.True(attempt.Verified));
        var delivery = await Eventually.GetAsync(
            async () => await DeliveriesAsync(tenantId, id, "?status=delivered") is [var one] ? (JsonElement?)one : null,
            "the delivery should end delivered");
        Assert.Equal(3, delivery.GetValueOrDefault().GetProperty("attempts").GetInt32());
        // Retried after the configured backoff (300 ms ± 20 %), not at once.
        var seconds = received.Select(attempt => long.Parse(attempt.Timestamp, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(seconds[^1] >= seconds[0]);
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    [Fact]
    public async Task ReceiverAnswering410_DisablesTheSubscription()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync(410);
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, secret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        await receiver.TrustAsync(secret);

        await fixture.EarnAsync(tenantId, customerId, 10m);

        await receiver.WaitForAsync(1, "the receiver should be tried once");
        var subscription = await Eventually.GetAsync(
            async () => await ReadAsync(tenantId, $"{Path}/{id}") is { } body && body.GetProperty("status").GetString() == "disabled" ? (JsonElement?)body : null,
            "410 should disable the subscription");
        Assert.Contains("410", subscription.GetValueOrDefault().GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Single(await receiver.ReceivedAsync());
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    [Fact]
    public async Task ReplayOfOneDeliveryAndOfARange_SendTheSameEventAgain()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync();
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, secret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        await receiver.TrustAsync(secret);
        await fixture.EarnAsync(tenantId, customerId, 10m);
        var delivery = await Eventually.GetAsync(
            async () => await DeliveriesAsync(tenantId, id, "?status=delivered") is [var one] ? (JsonElement?)one : null,
            "the first delivery should be made");

        using var replayOne = await fixture.SendAsync(tenantId, HttpMethod.Post, $"{Path}/deliveries/{delivery.GetValueOrDefault().GetProperty("id").GetGuid()}/replay");
        await receiver.WaitForAsync(2, "the replayed delivery should arrive");
        using var replayRange = await fixture.SendAsync(
            tenantId, HttpMethod.Post, $"{Path}/{id}/replay", new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow.AddMinutes(1) });
        using var otherTenant = await fixture.SendAsync(Guid.NewGuid(), HttpMethod.Post, $"{Path}/deliveries/{delivery.GetValueOrDefault().GetProperty("id").GetGuid()}/replay");

        Assert.Equal(HttpStatusCode.Accepted, replayOne.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replayRange.StatusCode);
        Assert.Equal(1, (await replayRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requeued").GetInt32());
        var received = await receiver.WaitForAsync(3, "the range replay should send it again");
        Assert.Single(received.Select(attempt => attempt.WebhookId).Distinct());
        Assert.All(received, attempt => Assert.True(attempt.Verified));
        await ProblemResponse.ReadAsync(otherTenant, HttpStatusCode.NotFound, "not-found");
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    [Fact]
    public async Task ReplayRange_ToNotAfterFrom_Returns400WithFieldError()
    {
        var tenantId = Guid.NewGuid();
        var (id, _) = await fixture.SubscribeAsync(tenantId, "https://1.1.1.1/hooks");
        var now = DateTimeOffset.UtcNow;

        using var response = await fixture.SendAsync(tenantId, HttpMethod.Post, $"{Path}/{id}/replay", new { from = now, to = now });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "to"));
    }

    [Fact]
    public async Task RotatedSecret_DeliveriesCarryBothSignaturesDuringTheOverlap()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync();
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, oldSecret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        using var rotated = await fixture.SendAsync(tenantId, HttpMethod.Post, $"{Path}/{id}/secret");
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotation.GetProperty("secret").GetString()!;
        await receiver.TrustAsync(newSecret, oldSecret);

        await fixture.EarnAsync(tenantId, customerId, 10m);

        var received = Assert.Single(await receiver.WaitForAsync(1, "the delivery should arrive"));
        Assert.NotEqual(oldSecret, newSecret);
        Assert.True(rotation.GetProperty("previousSecretExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Equal(2, received.SignatureCount);
        Assert.Equal([0, 1], received.VerifiedBySecrets);
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    [Fact]
    public async Task PrivateNetworksDisallowedAfterSubscribing_DeliveryIsRefusedAtSendTime()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var receiver = await PythonReceiver.StartAsync();
        await fixture.AllowLoopbackAsync(tenantId);
        var (id, secret) = await fixture.SubscribeAsync(tenantId, receiver.Url);
        await receiver.TrustAsync(secret);
        using var settings = await fixture.SendAsync(tenantId, HttpMethod.Get, Path + "/settings");
        using var disallowed = await fixture.SendAsync(
            tenantId, HttpMethod.Put, Path + "/settings", new { allowPrivateNetworks = false, allowHttp = true }, ifMatch: settings.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, disallowed.StatusCode);

        await fixture.EarnAsync(tenantId, customerId, 10m);

        var delivery = await Eventually.GetAsync(
            async () => await DeliveriesAsync(tenantId, id, "") is [var one] && one.TryGetProperty("lastError", out _) ? (JsonElement?)one : null,
            "the delivery's attempt should be recorded");
        Assert.Contains("url refused", delivery.GetValueOrDefault().GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await receiver.ReceivedAsync());
        await fixture.AssertBalanceIsLedgerSumAsync(tenantId, customerId);
    }

    private async Task<JsonElement?> ReadAsync(Guid tenantId, string path)
    {
        using var response = await fixture.SendAsync(tenantId, HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement[]> DeliveriesAsync(Guid tenantId, Guid subscriptionId, string query)
    {
        var page = await ReadAsync(tenantId, $"{Path}/{subscriptionId}/deliveries{query}");
        return [.. page!.Value.GetProperty("items").EnumerateArray()];
    }
}
