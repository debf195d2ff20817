using System.Net;
using System.Net.Sockets;
using CustomerPlatform.Loyalty.Domain.Webhooks;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>
/// Whether a receiver URL is acceptable for a business: https (http only when allowed), and a host that resolves only
/// to public addresses unless private networks are allowed. Checked on subscribe and again before every delivery
/// (DNS can change after the check), and at connect time by the delivery client.
/// </summary>
public static class WebhookUrls
{
    /// <summary>Null when acceptable, else why not (a message for the <c>url</c> field).</summary>
    public static async Task<string?> CheckAsync(string? url, WebhookSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookSubscription.MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"An absolute https URL of at most {WebhookSubscription.MaxUrlLength} characters, without credentials.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !settings.AllowHttp)
        {
            return "Must use https (plain http only when the business's webhook settings allow it).";
        }

        var addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        if (addresses.Length == 0)
        {
            return "The host does not resolve.";
        }

        if (!settings.AllowPrivateNetworks && !addresses.All(AddressRules.IsPublic))
        {
            return "The host resolves to a private, loopback, link-local or otherwise non-public address.";
        }

        return null;
    }

    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
