using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// Turns a presented API key into the caller it stands for. Keys found valid are cached briefly, by their hash,
/// so the database is not asked on every request; a revocation therefore takes effect within <see cref="CacheFor"/>.
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

        var cacheKey = Convert.ToHexString(ApiKey.Hash(presented));
        if (cache.TryGetValue(cacheKey, out InternalCaller? cached))
        {
            return cached;
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
        cache.Set(cacheKey, caller, lifetime);
        return caller;
    }
}
