using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// The <c>Webhook-Signature</c> header (docs/webhooks.md): <c>v1=</c> + base64 HMAC-SHA256, keyed by the secret's
/// UTF-8 bytes (the whole <c>whsec_...</c> string, so a receiver needs no decoding), over
/// <c>{unix seconds}.{raw body}</c>; one per signing secret, space-separated.
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "v1";

    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return Scheme + "=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static string Header(IEnumerable<string> secrets, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => Sign(secret, timestamp, body)));
}
