using System.Security.Cryptography;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// Turns a presented API key into the caller it stands for. Keys found valid are cached briefly, by their lookup
/// (with the secret's hash to compare), so the database is not asked on every request. A key revoked or rotated
/// here is forgotten at once (<see cref="Forget"/>); another gateway instance notices within <see cref="CacheFor"/>.
/// Each cache miss also records the key's last use, so last-used is precise to that interval.
/// </summary>
public sealed class ApiKeyAuthenticator(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<InternalCaller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var lookup = ApiKey.LookupOf(presented);
        if (lookup is null)
        {
            return null;
        }

        var hash = ApiKey.Hash(presented);
        if (cache.TryGetValue(CacheKey(lookup), out ValidKey? cached))
        {
            return CryptographicOperations.FixedTimeEquals(cached!.SecretHash, hash) ? cached.Caller : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = clock.GetUtcNow();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(key => key.Lookup == lookup, cancellationToken);
        if (key is null || !key.Accepts(presented, now))
        {
            return null;
        }

        await db.ApiKeys.Where(row => row.Id == key.Id)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.LastUsedAt, now), cancellationToken);
        var caller = new InternalCaller(key.TenantId, key.Id, key.Scopes, key.Branch);
        var lifetime = key.ExpiresAt is { } expiresAt && expiresAt - now < CacheFor ? expiresAt - now : CacheFor;
        cache.Set(CacheKey(lookup), new ValidKey(key.SecretHash, caller), lifetime);
        // A revocation may have committed between our read and the Set above; its tombstone says so.
        if (cache.TryGetValue(TombstoneKey(lookup), out _))
        {
            cache.Remove(CacheKey(lookup));
            return null;
        }

        return caller;
    }

    /// <summary>
    /// Drops a key from the cache once its revocation is committed, so it stops working on this instance with the
    /// next request. The tombstone keeps a lookup that read the key just before the revocation from caching it again.
    /// </summary>
    public void Forget(ApiKey key)
    {
        cache.Set(TombstoneKey(key.Lookup), true, CacheFor);
        cache.Remove(CacheKey(key.Lookup));
    }

    private static string CacheKey(string lookup) => "api-key:" + lookup;

    private static string TombstoneKey(string lookup) => "api-key-revoked:" + lookup;

    private sealed record ValidKey(byte[] SecretHash, InternalCaller Caller);
}
