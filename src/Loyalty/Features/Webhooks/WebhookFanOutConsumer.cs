using System.Text.Json;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain.Webhooks;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Hosting;
using CustomerPlatform.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>
/// Queues a delivery of a public loyalty event to every matching subscription of its business, once per
/// (subscription, event) whatever the redeliveries. One closed type per public contract, each on its own queue bound
/// to that contract's exchange (see <see cref="WebhookConsumers"/>).
/// </summary>
public sealed class WebhookFanOutConsumer<TEvent>(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, WebhookWakeSignal wake)
    : InboxConsumer<TEvent, LoyaltyDbContext>(db, tenant, clock)
    where TEvent : class, ILoyaltyEvent
{
    // The body receivers get is the event as the broker carries it: the outbox's camelCase web defaults.
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private static readonly string EventType = WebhookEventTypes.NameOf(typeof(TEvent));

    protected override string ConsumerName => "loyalty.webhooks." + EventType;

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var subscriptions = await Db.WebhookSubscriptions.AsNoTracking()
            .Where(row => row.Status == WebhookStatus.Active && row.EventTypes.Contains(EventType) && (row.Branch == null || row.Branch == message.Branch))
            .Select(row => row.Id)
            .ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(message, PayloadJson);
        foreach (var subscriptionId in subscriptions)
        {
            var delivery = WebhookDelivery.Queue(message.TenantId, subscriptionId, message.EventId, EventType, payload, now);
            // The same event under another message id (a re-publish) meets the unique key and is not queued twice.
            await Db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, payload, status, attempts, next_attempt_at, retry_until, created_at)
                VALUES ({delivery.Id}, {delivery.TenantId}, {delivery.SubscriptionId}, {delivery.EventId}, {delivery.EventType}, {delivery.Payload},
                        {nameof(DeliveryStatus.Pending)}, 0, {delivery.NextAttemptAt}, {delivery.RetryUntil}, {delivery.CreatedAt})
                ON CONFLICT (tenant_id, subscription_id, event_id) DO NOTHING
                """,
                cancellationToken);
        }

        wake.Nudge();
    }
}

/// <summary>Wakes the delivery worker when deliveries are queued (shortly before they commit: it polls anyway).</summary>
public sealed class WebhookWakeSignal : WakeSignal;

/// <summary>Registers one fan-out consumer per public loyalty contract, each on a queue named for the event.</summary>
public static class WebhookConsumers
{
    public static void AddWebhookConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var (name, eventType) in WebhookEventTypes.ByName)
        {
            bus.AddConsumer(typeof(WebhookFanOutConsumer<>).MakeGenericType(eventType))
                .Endpoint(endpoint => endpoint.Name = "loyalty-webhooks-" + name.Replace("loyalty.", "", StringComparison.Ordinal).Replace('.', '-'));
        }
    }
}
