using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>
/// The short-lived token the gateway signs for every request it forwards; services accept nothing else.
/// It is the one place a caller's identity lives inside the platform: tenant, branch restriction, scopes, key id.
/// </summary>
public static class InternalToken
{
    /// <summary>Configuration key of the shared HMAC key (at least 32 bytes of UTF-8).</summary>
    public const string SigningKeyConfigKey = "InternalAuth:SigningKey";
    public const string Issuer = "customer-platform-gateway";
    public const string Audience = "customer-platform-services";
    public const string TenantClaim = "tenant_id";
    public const string BranchClaim = "branch";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "sub";

    /// <summary>How long a token is valid; the gateway re-signs well before that.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const int MinimumKeyBytes = 32;

    /// <summary>Reads the signing key, failing loudly: a missing or short key must stop the app, never weaken it.</summary>
    public static SymmetricSecurityKey ReadSigningKey(IConfiguration configuration)
    {
        var secret = configuration[SigningKeyConfigKey];
        if (string.IsNullOrWhiteSpace(secret) || Encoding.UTF8.GetByteCount(secret) < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Configuration '{SigningKeyConfigKey}' must hold a secret of at least {MinimumKeyBytes} bytes shared by the gateway and the services.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Signs a token for a caller. Used by the gateway, and by tests that call a service directly.</summary>
    public static string Create(SymmetricSecurityKey key, InternalCaller caller, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(TenantClaim, caller.TenantId.ToString()),
            new(KeyIdClaim, caller.KeyId.ToString()),
        };
        if (caller.Branch is not null)
        {
            claims.Add(new Claim(BranchClaim, caller.Branch));
        }

        claims.AddRange(caller.Scopes.Select(scope => new Claim(ScopeClaim, scope)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>Who is calling, as the gateway established it from an API key.</summary>
/// <param name="TenantId">The business the key belongs to.</param>
/// <param name="KeyId">The API key's id (never its secret).</param>
/// <param name="Scopes">What the key may do, e.g. <c>customers:write</c>.</param>
/// <param name="Branch">The branch the key is restricted to, or null for the whole business.</param>
public sealed record InternalCaller(Guid TenantId, Guid KeyId, IReadOnlyList<string> Scopes, string? Branch = null);
