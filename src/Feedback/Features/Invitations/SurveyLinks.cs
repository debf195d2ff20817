using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback.Features.Invitations;

/// <summary>
/// The tokens in survey links: the invitation's id followed by a MAC of it under a server key, base64url. A token is
/// unguessable without the key, needs no lookup column, and any reader of the database (or of a backup) cannot make
/// one. The key is derived (HKDF) from the platform's signing secret for this one purpose, so there is no second
/// secret to distribute; rotating that secret ends every open link, which the invitations' expiry bounds anyway.
/// </summary>
public sealed class SurveyLinks
{
    /// <summary>Where the page lives, relative to the gateway's public address.</summary>
    public const string PathPrefix = "/s/";

    /// <summary>Configuration key of the gateway's public address links start with (e.g. https://feedback.example.com).</summary>
    public const string PublicBaseUrlConfigKey = "Feedback:PublicBaseUrl";

    private const int IdBytes = 16;
    private const int MacBytes = 16;
    private const int TokenBytes = IdBytes + MacBytes;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("customer-platform/survey-links/v1");

    private readonly byte[] _key;
    private readonly string _publicBaseUrl;

    public SurveyLinks(IConfiguration configuration)
    {
        var secret = InternalToken.ReadSigningKey(configuration).Key;
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, outputLength: 32, salt: [], info: Purpose);
        _publicBaseUrl = (configuration[PublicBaseUrlConfigKey] ?? "").TrimEnd('/');
    }

    /// <summary>The token of the invitation's link.</summary>
    public string TokenOf(Guid invitationId)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        invitationId.TryWriteBytes(token[..IdBytes]);
        Mac(token[..IdBytes], token[IdBytes..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The link a mailer sends: absolute when the public address is configured, else the path.</summary>
    public string UrlOf(Guid invitationId) => _publicBaseUrl + PathPrefix + TokenOf(invitationId);

    /// <summary>The invitation id a token was made for; false for anything this server did not make.</summary>
    public bool TryRead(string? token, out Guid invitationId)
    {
        invitationId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (token is null || Base64Url.GetMaxDecodedLength(token.Length) < TokenBytes
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(bytes[..IdBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[IdBytes..]))
        {
            return false;
        }

        invitationId = new Guid(bytes[..IdBytes]);
        return true;
    }

    private void Mac(ReadOnlySpan<byte> id, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, id, full);
        full[..MacBytes].CopyTo(destination);
    }
}
