using System.Threading.RateLimiting;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// A token bucket per API key: <c>RateLimits:PermitsPerSecond</c> refill and <c>RateLimits:Burst</c> capacity,
/// overridden per business under <c>RateLimits:Businesses:&lt;businessId&gt;</c>. Limits are read when a key's
/// bucket is created, i.e. on its first request after start or after it was idle.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    public const string Section = "RateLimits";
    public const int DefaultPermitsPerSecond = 50;
    public const int DefaultBurst = 100;

    private readonly IConfiguration _configuration;
    private readonly PartitionedRateLimiter<InternalCaller> _limiter;

    public KeyRateLimiter(IConfiguration configuration)
    {
        _configuration = configuration;
        _limiter = PartitionedRateLimiter.Create<InternalCaller, Guid>(caller =>
            RateLimitPartition.GetTokenBucketLimiter(caller.KeyId, _ => OptionsFor(caller.TenantId)));
    }

    /// <summary>Takes one permit for the caller's key, or says how long to wait for the next one.</summary>
    public bool TryAcquire(InternalCaller caller, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();

    private TokenBucketRateLimiterOptions OptionsFor(Guid businessId)
    {
        var defaults = _configuration.GetSection(Section);
        var business = defaults.GetSection($"Businesses:{businessId}");
        var permitsPerSecond = Positive(business, "PermitsPerSecond") ?? Positive(defaults, "PermitsPerSecond") ?? DefaultPermitsPerSecond;
        var burst = Positive(business, "Burst") ?? Positive(defaults, "Burst") ?? DefaultBurst;
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, permitsPerSecond),
            TokensPerPeriod = permitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            // The partitioned limiter's own timer replenishes every bucket: no timer per key.
            AutoReplenishment = false,
        };
    }

    private static int? Positive(IConfiguration section, string key) =>
        int.TryParse(section[key], out var value) && value > 0 ? value : null;
}
