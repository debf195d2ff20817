using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// A business's webhook settings. Both default to off: receivers on private networks (SSRF) and plain HTTP are
/// refused unless the business, knowingly, allows them (a test rig, an on-premises receiver).
/// </summary>
public sealed class WebhookSettings : ITenantOwned
{
    private WebhookSettings()
    {
    }

    public Guid TenantId { get; private set; }

    public bool AllowPrivateNetworks { get; private set; }

    public bool AllowHttp { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static WebhookSettings Create(Guid tenantId) => new() { TenantId = tenantId };

    public void Replace(bool allowPrivateNetworks, bool allowHttp, DateTimeOffset now)
    {
        AllowPrivateNetworks = allowPrivateNetworks;
        AllowHttp = allowHttp;
        UpdatedAt = now;
    }
}
