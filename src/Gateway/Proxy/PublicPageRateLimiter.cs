using System.Net;
using System.Threading.RateLimiting;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// A token bucket per client IP address for the public pages, which have no API key to limit by:
/// <c>RateLimits:PublicPages:PermitsPerSecond</c> refill and <c>RateLimits:PublicPages:Burst</c> capacity. A person
/// answering a survey needs a handful of requests; a script trying tokens needs thousands.
/// </summary>
public sealed class PublicPageRateLimiter : IDisposable
{
    public const string Section = "RateLimits:PublicPages";
    public const int DefaultPermitsPerSecond = 5;
    public const int DefaultBurst = 30;

    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    public PublicPageRateLimiter(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var permitsPerSecond = Positive(section, "PermitsPerSecond") ?? DefaultPermitsPerSecond;
        var burst = Positive(section, "Burst") ?? DefaultBurst;
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, permitsPerSecond),
            TokensPerPeriod = permitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => options));
    }

    /// <summary>Takes one permit for the address (IPv4 clients seen over IPv6 count as their IPv4 address).</summary>
    public bool TryAcquire(IPAddress? address, out TimeSpan retryAfter)
    {
        var client = address is null ? IPAddress.IPv6None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        using var lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static int? Positive(IConfiguration section, string key) =>
        int.TryParse(section[key], out var value) && value > 0 ? value : null;
}
