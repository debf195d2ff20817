using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>
/// Polls for customers who have become overdue and announces each lapse once (<see cref="AtRiskAnnouncer"/>). A row
/// in the database with a due time, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed class AtRiskWorker(
    IServiceScopeFactory scopes, IOptions<AtRiskOptions> options, TimeProvider clock, ILogger<AtRiskWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "overdue customers";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AtRiskAnnouncer>().AnnounceNextAsync(cancellationToken);
}
