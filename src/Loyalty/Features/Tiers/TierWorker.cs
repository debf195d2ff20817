using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>
/// Polls for accounts whose tier is due for evaluation without a posting to trigger it (<see cref="TierReviewer"/>): a
/// downgrade's grace ending, a contribution leaving the rolling window, a program change. A row
/// in the database with a due time, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed class TierWorker(
    IServiceScopeFactory scopes, IOptions<TierOptions> options, TimeProvider clock, ILogger<TierWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "accounts due for a tier evaluation";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TierReviewer>().ReviewNextAsync(cancellationToken);
}
