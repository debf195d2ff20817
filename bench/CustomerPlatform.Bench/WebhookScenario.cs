using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// 7. Webhook deliveries per second to a local receiver (issue #6). The business allows loopback over http (as the
/// Loyalty webhook tests do) and subscribes <see cref="WebhookReceiver"/> to <c>PointsAdjusted</c>; then
/// <see cref="BenchSettings.WebhookEvents"/> adjustments through the gateway each become one delivery.
/// <list type="bullet">
/// <item>live: from the first delivery queued to the last received, while the adjustments are being made;</item>
/// <item>backlog: the whole range replayed through the API at once, from the first replayed delivery received to the
/// last (the replay does not wake the worker, which finds the rows on its next poll);</item>
/// <item>baseline: the same receiver, the same bodies and headers, posted by one <see cref="HttpClient"/> loop on one
/// connection, as the delivery worker sends one delivery at a time.</item>
/// </list>
/// Each platform row needs every event received exactly once and the delivery log (read through the gateway) to hold
/// every delivery as delivered with the receiver's 204.
/// </summary>
public sealed class WebhookScenario(PlatformProcesses platform, BenchSettings settings, Report report, string apiKey, Guid[] customerIds)
{
    private const string EventType = "loyalty.points-adjusted.v1";
    private const string Webhooks = "/api/v1/loyalty/webhooks";
    private const string Baseline = "same receiver, HttpClient loop, same bodies";
    private const int Adjusters = 16;

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(120);

    public async Task RunAsync()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        await SendAsync(client, HttpMethod.Put, Webhooks + "/settings", new { allowPrivateNetworks = true, allowHttp = true }, HttpStatusCode.OK);
        var subscription = (await SendAsync(client, HttpMethod.Post, Webhooks,
            new { url = receiver.Url(WebhookReceiver.PlatformLane), eventTypes = new[] { EventType } }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Console.WriteLine($"bench: webhooks, {settings.WebhookEvents} adjustments through the gateway, {Adjusters} at a time, each delivered as PointsAdjusted");
        var adjusted = await AdjustAsync(client, settings.WebhookEvents);
        await WaitForAsync(receiver.Platform, adjusted);
        var log = await ReadLogAsync(client, subscription);
        var queued = log.ToDictionary(delivery => delivery.EventId, delivery => delivery.CreatedAt);
        var live = Summarise(receiver.Platform, queued, from: queued.Values.Min(),
            failed: settings.WebhookEvents - Delivered(log, attempts: 1, since: DateTimeOffset.MinValue));

        Console.WriteLine($"bench: webhooks, the same {log.Count} deliveries replayed at once (backlog)");
        var payloads = receiver.Platform.Receipts.Values.ToArray();
        receiver.Platform.Clear();
        var replayedAt = DateTimeOffset.UtcNow;
        var requeued = (await SendAsync(client, HttpMethod.Post, $"{Webhooks}/{subscription}/replay",
            new { from = queued.Values.Min().AddSeconds(-1), to = DateTimeOffset.UtcNow.AddMinutes(1) }, HttpStatusCode.Accepted)).GetProperty("requeued").GetInt32();
        await WaitForAsync(receiver.Platform, requeued);
        var firstReceived = receiver.Platform.Receipts.Values.Min(receipt => receipt.FirstAt);
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"webhooks: {adjusted} of {settings.WebhookEvents} adjustments accepted; the replay of {requeued} deliveries was first received " +
            $"{(firstReceived - replayedAt).TotalMilliseconds:0} ms after it was accepted (the worker finds replayed rows on its next poll)"));
        var backlog = Summarise(receiver.Platform, queued.ToDictionary(pair => pair.Key, _ => replayedAt), from: firstReceived,
            failed: settings.WebhookEvents - Delivered(await ReadLogAsync(client, subscription), attempts: 2, since: replayedAt));

        Console.WriteLine("bench: webhooks baseline, the same bodies posted straight to the receiver, 1 connection");
        var (_, warmUp, window, _) = settings.ReadRuns.First(run => run.Connections == 1);
        using var direct = Scenarios.LoadClient(1, bearer: null);
        var target = receiver.Url(WebhookReceiver.DirectLane);
        var baseline = await Load.ClosedAsync(1, warmUp, window, random => PostAsync(direct, target, payloads[random.Next(payloads.Length)]));

        report.Add("webhook deliveries → local receiver", $"{settings.WebhookEvents} events, live", live, Baseline, baseline,
            Report.Ratio(live, baseline, saturating: true));
        report.Add("webhook deliveries → local receiver", $"{requeued} replayed at once (backlog)", backlog, Baseline, baseline,
            Report.Ratio(backlog, baseline, saturating: true));
    }

    /// <summary>
    /// Deliveries per second from <paramref name="from"/> to the last one received, and each one's latency from
    /// when it was queued to when it first arrived. An event received more than once counts as a failure.
    /// </summary>
    private static Measurement Summarise(ReceivedLane received, IReadOnlyDictionary<Guid, DateTimeOffset> queuedAt, DateTimeOffset from, int failed)
    {
        var receipts = received.Receipts;
        var latencies = receipts
            .Where(receipt => queuedAt.ContainsKey(receipt.Key))
            .Select(receipt => (long)((receipt.Value.FirstAt - queuedAt[receipt.Key]).TotalSeconds * Stopwatch.Frequency))
            .ToList();
        var span = receipts.Values.Max(receipt => receipt.FirstAt) - from;
        return Measurement.From(latencies, failed + received.Duplicates, span);
    }

    /// <summary>Adjusts points by one, round robin over the customers (never two at once on one account); how many were accepted.</summary>
    private async Task<int> AdjustAsync(HttpClient client, int count)
    {
        var accepted = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Adjusters }, async (i, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loyalty/accounts/{customerIds[i % customerIds.Length]}/adjustments")
            {
                Content = JsonContent.Create(new { points = 1, reason = "Bench webhook delivery" }),
            };
            request.Headers.Add(IdempotencyFilter.HeaderName, Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref accepted);
            }
        });
        return accepted;
    }

    private static async Task WaitForAsync(ReceivedLane received, int count)
    {
        var deadline = DateTimeOffset.UtcNow + DeliveryTimeout;
        while (received.Distinct < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>The subscription's delivery log, every page, as the business reads it through the gateway.</summary>
    private static async Task<List<LoggedDelivery>> ReadLogAsync(HttpClient client, Guid subscription)
    {
        var deliveries = new List<LoggedDelivery>();
        string? cursor = null;
        do
        {
            var path = $"{Webhooks}/{subscription}/deliveries?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            deliveries.AddRange(page.GetProperty("items").EnumerateArray().Select(item => new LoggedDelivery(
                item.GetProperty("eventId").GetGuid(),
                item.GetProperty("status").GetString()!,
                item.GetProperty("attempts").GetInt32(),
                item.TryGetProperty("lastStatusCode", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null,
                item.TryGetProperty("deliveredAt", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : null,
                item.GetProperty("createdAt").GetDateTimeOffset())));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return deliveries;
    }

    /// <summary>Deliveries logged as delivered, with the receiver's 204, after exactly <paramref name="attempts"/> attempts, at or after <paramref name="since"/>.</summary>
    private static int Delivered(List<LoggedDelivery> log, int attempts, DateTimeOffset since) =>
        log.Count(delivery => delivery is { Status: "delivered", LastStatusCode: 204 } && delivery.Attempts == attempts && delivery.DeliveredAt >= since);

    private static async Task<bool> PostAsync(HttpClient client, Uri target, ReceivedLane.Receipt payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(payload.Body, Encoding.UTF8, "application/json"),
        };
        using var body = JsonDocument.Parse(payload.Body);
        request.Headers.Add("Webhook-Id", body.RootElement.GetProperty("eventId").GetString());
        request.Headers.Add("Webhook-Timestamp", payload.Timestamp);
        request.Headers.Add("Webhook-Signature", payload.Signature);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyFilter.HeaderName, Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path} gave {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private sealed record LoggedDelivery(Guid EventId, string Status, int Attempts, int? LastStatusCode, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt);
}
