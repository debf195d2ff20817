using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// A business's endpoint that receives chosen loyalty events as signed HTTP POSTs. The signing secret is held
/// encrypted (the platform must sign with it, so it cannot be hashed); after a rotation the previous one keeps
/// signing beside the new one until <see cref="PreviousSecretExpiresAt"/>, so receivers can switch without a gap.
/// </summary>
public sealed class WebhookSubscription : ITenantOwned
{
    /// <summary>How long a rotated-out secret still signs.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public const int MaxUrlLength = 2000;
    public const int MaxBranchLength = 50;
    public const int MaxReasonLength = 200;

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Url { get; private set; } = "";

    public string[] EventTypes { get; private set; } = [];

    public string? Branch { get; private set; }

    public WebhookStatus Status { get; private set; }

    public string? DisabledReason { get; private set; }

    public byte[] SecretCipher { get; private set; } = [];

    public byte[]? PreviousSecretCipher { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static WebhookSubscription Create(
        Guid tenantId, string url, IReadOnlyCollection<string> eventTypes, string? branch, byte[] secretCipher, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Url = url,
            EventTypes = Normalise(eventTypes),
            Branch = branch,
            Status = WebhookStatus.Active,
            SecretCipher = secretCipher,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>Replaces what the business controls; re-activating clears the reason it was disabled.</summary>
    public void Replace(string url, IReadOnlyCollection<string> eventTypes, string? branch, WebhookStatus status, string? disabledReason, DateTimeOffset now)
    {
        Url = url;
        EventTypes = Normalise(eventTypes);
        Branch = branch;
        Status = status;
        DisabledReason = status == WebhookStatus.Disabled ? disabledReason ?? "Disabled by the business." : null;
        UpdatedAt = now;
    }

    /// <summary>The receiver said the endpoint is gone (HTTP 410): stop sending until the business re-activates it.</summary>
    public void DisableAsGone(DateTimeOffset now)
    {
        Status = WebhookStatus.Disabled;
        DisabledReason = "The receiver answered 410 Gone.";
        UpdatedAt = now;
    }

    /// <summary>Starts signing with a new secret; the current one keeps signing for <see cref="RotationOverlap"/>.</summary>
    public void RotateSecret(byte[] newSecretCipher, DateTimeOffset now)
    {
        PreviousSecretCipher = SecretCipher;
        PreviousSecretExpiresAt = now + RotationOverlap;
        SecretCipher = newSecretCipher;
        UpdatedAt = now;
    }

    /// <summary>The secrets that sign a delivery made at <paramref name="now"/>: the current, then the previous while it overlaps.</summary>
    public IReadOnlyList<byte[]> SigningSecretCiphers(DateTimeOffset now) =>
        PreviousSecretCipher is { } previous && PreviousSecretExpiresAt > now ? [SecretCipher, previous] : [SecretCipher];

    /// <summary>Whether an event of the type, at the branch, goes to this subscription.</summary>
    public bool Matches(string eventType, string? branch) =>
        Status == WebhookStatus.Active && EventTypes.Contains(eventType, StringComparer.Ordinal)
        && (Branch is null || string.Equals(Branch, branch, StringComparison.Ordinal));

    private static string[] Normalise(IReadOnlyCollection<string> eventTypes)
    {
        if (eventTypes.Count == 0)
        {
            throw new DomainException("no-event-types", "A subscription needs at least one event type.");
        }

        return [.. eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
