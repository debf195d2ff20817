using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>The platform as the end-to-end tests start it (<see cref="PlatformProcesses"/>), with the bench's settings.</summary>
public static class BenchPlatform
{
    public static async Task<PlatformProcesses> StartAsync(HttpClient http)
    {
        var platform = new PlatformProcesses();
        try
        {
            await platform.StartAsync(http, new PlatformSettings
            {
                // The key InternalTokens signs with, so the bench can call a service directly as the gateway would.
                SigningKey = TestInfrastructure.SigningKey,
                // The bench drives one key far past any sensible per-key limit on purpose: it measures the platform.
                PermitsPerSecond = 1_000_000,
                // Migrating five fresh databases on two cores that other work shares took over 120 s in three of
                // five --loyalty attempts at load average 30 (2026-11-23); a slow start is not what the bench measures.
                StartupTimeout = TimeSpan.FromSeconds(240),
                // The databases' own pools are sized for many test classes at once; a bench runs one platform, and
                // ../shared/PERFORMANCE.md found 16 per service enough for a primary-key lookup at saturation.
                MaxPoolSize = 16,
                // The public pages' per-IP limit (5/s, burst 30 by default) would turn the page scenario's load, all
                // from 127.0.0.1, into 429s; only the gateway reads it. Production keeps its defaults.
                Environment = new Dictionary<string, string>
                {
                    ["RateLimits__PublicPages__PermitsPerSecond"] = "1000000",
                    ["RateLimits__PublicPages__Burst"] = "1000000",
                },
            });
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }
}
