using System.Diagnostics;
using System.Net;
using System.Net.Mime;
using System.Text;
using CustomerPlatform.Loyalty.Domain.Webhooks;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>
/// Makes one attempt of one due delivery, in a scope of its own. The claim (a short lease taken with
/// <c>FOR UPDATE SKIP LOCKED</c>, across tenants) commits before the HTTP call, so no transaction is held open while a
/// receiver takes its time; a crash mid-attempt leaves the delivery due again when the lease runs out.
/// </summary>
public sealed partial class WebhookDeliverySender(
    LoyaltyDbContext db, TenantContext tenant, WebhookSecrets secrets, WebhookHttp http, TimeProvider clock,
    IOptions<WebhookOptions> options, ILogger<WebhookDeliverySender> logger)
{
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseUntil = now + settings.Lease;
        var claimed = await db.Database.SqlQuery<Guid>(
                $"""
                UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil}, attempts = attempts + 1
                WHERE id = (
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                    WHERE d.status = 'Pending' AND d.next_attempt_at <= {now} AND s.status = 'Active'
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT 1
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING id AS "Value"
                """)
            .ToListAsync(cancellationToken);
        if (claimed is not [var deliveryId])
        {
            return false;
        }

        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().FirstAsync(row => row.Id == deliveryId, cancellationToken);
        tenant.Set(delivery.TenantId);
        var subscription = await db.WebhookSubscriptions.FirstAsync(row => row.Id == delivery.SubscriptionId, cancellationToken);
        var webhookSettings = await ManageWebhooks.SettingsAsync(db, delivery.TenantId, cancellationToken);
        var outcome = await AttemptAsync(delivery, subscription, webhookSettings, settings.Timeout, cancellationToken);

        var finished = clock.GetUtcNow();
        var retryAt = outcome.Delivered || outcome.Gone ? null
            : new WebhookRetrySchedule(settings.RetryDelays, WebhookRetrySchedule.Window)
                .NextAttempt(delivery.Attempts, finished, delivery.RetryUntil, Random.Shared.NextDouble());
        delivery.RecordAttempt(finished, outcome.StatusCode, outcome.Error, outcome.Delivered, retryAt);
        if (outcome.Gone)
        {
            subscription.DisableAsGone(finished);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogAttempt(logger, delivery.Id, subscription.Id, delivery.Attempts, outcome.StatusCode, outcome.Elapsed.TotalMilliseconds, outcome.Error, WireName(delivery.Status));
        if (outcome.Delivered)
        {
            LoyaltyTelemetry.WebhookDeliveriesDelivered.Add(1);
        }
        else if (delivery.Status == DeliveryStatus.Failed)
        {
            LoyaltyTelemetry.WebhookDeliveriesFailed.Add(1, new KeyValuePair<string, object?>("reason", outcome.Gone ? "gone" : "retries-exhausted"));
        }
        else
        {
            LoyaltyTelemetry.WebhookAttemptsFailed.Add(1, new KeyValuePair<string, object?>("reason", outcome.Reason));
        }

        return true;
    }

    private async Task<Outcome> AttemptAsync(
        WebhookDelivery delivery, WebhookSubscription subscription, WebhookSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // Checked again at delivery: the URL was accepted under settings (or DNS answers) that may have changed.
        if (await WebhookUrls.CheckAsync(subscription.Url, settings, cancellationToken) is { } refused)
        {
            return new Outcome(null, "url refused: " + refused, false, false, "url-refused", Stopwatch.GetElapsedTime(started));
        }

        var now = clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Header(subscription.SigningSecretCiphers(now).Select(secrets.Decrypt), timestamp, delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.Add("Webhook-Id", delivery.EventId.ToString());
        request.Headers.Add("Webhook-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Webhook-Signature", signature);
        request.Options.Set(WebhookHttp.AllowPrivateNetworks, settings.AllowPrivateNetworks);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var code = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            return response.IsSuccessStatusCode ? new Outcome(code, null, true, false, "delivered", elapsed)
                : response.StatusCode == HttpStatusCode.Gone ? new Outcome(code, "410 Gone: subscription disabled", false, true, "gone", elapsed)
                : new Outcome(code, $"HTTP {code}", false, false, "http-status", elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, $"No answer within {timeout.TotalSeconds:0.#} s", false, false, "timeout", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.InnerException is WebhookAddressRefusedException ? "url-refused" : "network";
            return new Outcome(null, exception.Message, false, false, reason, Stopwatch.GetElapsedTime(started));
        }
    }

    private static string WireName(DeliveryStatus status) => ServiceDefaults.Http.WireNames.Of(status);

    private sealed record Outcome(int? StatusCode, string? Error, bool Delivered, bool Gone, string Reason, TimeSpan Elapsed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Webhook delivery {DeliveryId} to subscription {SubscriptionId}, attempt {Attempt}: status {StatusCode} in {ElapsedMs} ms, error {Error}; now {State}")]
    private static partial void LogAttempt(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, int? statusCode, double elapsedMs, string? error, string state);
}
