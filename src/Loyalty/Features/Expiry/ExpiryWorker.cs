using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Expiry;

/// <summary>
/// Polls for accounts whose points are due for notice or expiry (<see cref="PointsExpirer"/>). A due time on the
/// account, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed class ExpiryWorker(
    IServiceScopeFactory scopes, IOptions<ExpiryOptions> options, TimeProvider clock, ILogger<ExpiryWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "points due for notice or expiry";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PointsExpirer>().ExpireNextAsync(cancellationToken);
}
