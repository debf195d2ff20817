namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>Whether a subscription receives deliveries.</summary>
public enum WebhookStatus
{
    Active,
    Disabled,
}
