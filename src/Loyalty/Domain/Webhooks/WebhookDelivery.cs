using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// One event on its way to one subscription. The payload is the event's JSON exactly as published, kept as text
/// (not jsonb, which would reorder keys) because the signature covers those very bytes.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When retrying stops and the delivery fails: a day after it was queued (or replayed).</summary>
    public DateTimeOffset RetryUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public uint Version { get; private set; }

    public static WebhookDelivery Queue(Guid tenantId, Guid subscriptionId, Guid eventId, string eventType, string payload, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            SubscriptionId = subscriptionId,
            EventId = eventId,
            EventType = eventType,
            Payload = payload,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            RetryUntil = now + WebhookRetrySchedule.Window,
            CreatedAt = now,
        };

    /// <summary>Queues it again now, with a fresh retry window, whatever its state.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        RetryUntil = now + WebhookRetrySchedule.Window;
    }

    /// <summary>Records an attempt's outcome: delivered, due again at <paramref name="retryAt"/>, or failed for good (null).</summary>
    public void RecordAttempt(DateTimeOffset at, int? statusCode, string? error, bool delivered, DateTimeOffset? retryAt)
    {
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = error;
        if (delivered)
        {
            Status = DeliveryStatus.Delivered;
            DeliveredAt = at;
        }
        else if (retryAt is { } next)
        {
            Status = DeliveryStatus.Pending;
            NextAttemptAt = next;
        }
        else
        {
            Status = DeliveryStatus.Failed;
        }
    }
}
