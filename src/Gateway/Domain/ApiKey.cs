using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Gateway.Domain;

/// <summary>
/// An API key of a business. Only a SHA-256 hash of the secret is kept: the key is 256 random bits, so a fast
/// hash is enough (no password stretching is needed), and the plain key exists only in the create response.
/// The key's public prefix finds the row; the hash is then compared in constant time.
/// </summary>
public sealed class ApiKey
{
    public const string KeyPrefix = "cpk_";
    private const int LookupLength = 12;
    private const int SecretBytes = 32;

    private ApiKey()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Name { get; private set; } = "";
    public string Lookup { get; private init; } = "";
    public byte[] SecretHash { get; private init; } = [];
    public List<string> Scopes { get; private init; } = [];
    public string? Branch { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ExpiresAt { get; private init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Creates a key and returns it with its plain text, which is never stored.</summary>
    public static (ApiKey Key, string PlainText) Issue(
        Guid tenantId, string name, IEnumerable<string> scopes, string? branch, DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        if (expiresAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A key must expire in the future.");
        }

        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LookupLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var plainText = $"{KeyPrefix}{lookup}_{secret}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name.Trim(),
            Lookup = lookup,
            SecretHash = Hash(plainText),
            Scopes = [.. scopes],
            Branch = string.IsNullOrWhiteSpace(branch) ? null : branch.Trim(),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (key, plainText);
    }

    /// <summary>The lookup part of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? LookupOf(string presented)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return null;
        }

        var rest = presented.AsSpan(KeyPrefix.Length);
        var separator = rest.IndexOf('_');
        return separator == LookupLength ? rest[..separator].ToString() : null;
    }

    public static byte[] Hash(string presented) => SHA256.HashData(Encoding.UTF8.GetBytes(presented));

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Stops the key working; revoking it again keeps the first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>
    /// Replaces the key with a new secret under a new id, with the same name, scopes, branch and expiry, and revokes
    /// this one. A revoked or expired key is not rotated: that would bring back a key its business stopped.
    /// </summary>
    public (ApiKey Key, string PlainText) Rotate(DateTimeOffset now)
    {
        if (IsRevoked || ExpiresAt <= now)
        {
            throw new DomainException("key-not-active", "Only a key in use can be rotated.", DomainErrorKind.Conflict);
        }

        var rotated = Issue(TenantId, Name, Scopes, Branch, now, ExpiresAt);
        Revoke(now);
        return rotated;
    }

    /// <summary>Whether the presented key is this one and may be used now.</summary>
    public bool Accepts(string presented, DateTimeOffset now) =>
        RevokedAt is null
        && (ExpiresAt is null || ExpiresAt > now)
        && CryptographicOperations.FixedTimeEquals(SecretHash, Hash(presented));
}
