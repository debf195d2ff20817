using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>
/// Makes signing secrets and keeps them encrypted at rest (AES-GCM). The key is derived (HKDF) from the platform's
/// signing secret for this one purpose, like SurveyLinks, so there is no second secret to distribute; a reader of the
/// database or a backup alone cannot sign as the platform.
/// </summary>
public sealed class WebhookSecrets
{
    public const string Prefix = "whsec_";

    private const int SecretBytes = 32;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("customer-platform/webhook-secrets/v1");

    private readonly byte[] _key;

    public WebhookSecrets(IConfiguration configuration)
    {
        var secret = InternalToken.ReadSigningKey(configuration).Key;
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, outputLength: 32, salt: [], info: Purpose);
    }

    /// <summary>A new secret, shown to the business once.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>nonce | tag | ciphertext.</summary>
    public byte[] Encrypt(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedSecret = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plain.Length];
        var nonce = sealedSecret.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedSecret.AsSpan(AesGcm.NonceByteSizes.MaxSize, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedSecret.AsSpan(AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize), tag);
        return sealedSecret;
    }

    public string Decrypt(byte[] sealedSecret)
    {
        var header = AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[sealedSecret.Length - header];
        using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
        aes.Decrypt(
            sealedSecret.AsSpan(0, AesGcm.NonceByteSizes.MaxSize),
            sealedSecret.AsSpan(header),
            sealedSecret.AsSpan(AesGcm.NonceByteSizes.MaxSize, AesGcm.TagByteSizes.MaxSize),
            plain);
        return Encoding.UTF8.GetString(plain);
    }
}
