using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.Loyalty.Domain.Webhooks;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>A new webhook subscription.</summary>
/// <param name="Url">Where deliveries are POSTed: https (http only when the business's webhook settings allow it).</param>
/// <param name="EventTypes">Public loyalty event names to receive, e.g. <c>loyalty.points-earned.v1</c>.</param>
/// <param name="Branch">Only events that happened at this branch code; null for all.</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Branch);

/// <summary>A subscription's new state (replaces it; needs If-Match).</summary>
/// <param name="Url">Where deliveries are POSTed.</param>
/// <param name="EventTypes">Public loyalty event names to receive.</param>
/// <param name="Branch">Only events at this branch code; null for all.</param>
/// <param name="Status">active or disabled; active when omitted.</param>
/// <param name="DisabledReason">Why it is disabled, when disabling it.</param>
public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Branch, WebhookStatus? Status, string? DisabledReason);

/// <summary>A webhook subscription; its secret is never shown again after creation or rotation.</summary>
public sealed record WebhookResponse(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Branch, WebhookStatus Status, string? DisabledReason,
    DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(WebhookSubscription row) =>
        new(row.Id, row.Url, row.EventTypes, row.Branch, row.Status, row.DisabledReason, row.PreviousSecretExpiresAt, row.CreatedAt, row.UpdatedAt);
}

/// <summary>
/// A subscription just created, with its signing secret: shown this once. A replay of the create (same
/// Idempotency-Key) answers the same subscription without the secret; rotate it to get a new one.
/// </summary>
public sealed record CreatedWebhookResponse(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Branch, WebhookStatus Status, string? Secret, DateTimeOffset CreatedAt)
    : IShownOnce
{
    public object WithoutSecrets() => this with { Secret = null };
}

/// <summary>A new signing secret, shown this once; the previous one also signs until <paramref name="PreviousSecretExpiresAt"/>.</summary>
public sealed record WebhookSecretResponse(Guid Id, string Secret, DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>A page of subscriptions.</summary>
public sealed record WebhookPage(IReadOnlyList<WebhookResponse> Items, string? NextCursor);

/// <summary>The business's webhook settings.</summary>
/// <param name="AllowPrivateNetworks">Allow receivers on private, loopback or link-local addresses (off by default).</param>
/// <param name="AllowHttp">Allow plain-http receivers (off by default).</param>
public sealed record WebhookSettingsRequest(bool? AllowPrivateNetworks, bool? AllowHttp);

/// <summary>The business's webhook settings.</summary>
public sealed record WebhookSettingsResponse(bool AllowPrivateNetworks, bool AllowHttp);

/// <summary>One delivery of an event to a subscription, with its last attempt.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt);

/// <summary>A page of deliveries, newest first.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryResponse> Items, string? NextCursor);

/// <summary>Re-queues a subscription's deliveries queued in [from, to).</summary>
/// <param name="From">Start of the range (inclusive).</param>
/// <param name="To">End of the range (exclusive).</param>
public sealed record ReplayRangeRequest(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>How many deliveries a range replay queued again.</summary>
public sealed record ReplayRangeResponse(int Requeued);
