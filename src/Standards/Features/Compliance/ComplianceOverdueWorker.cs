using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// Polls for compliance items whose next check has fallen due and announces each lapse once
/// (<see cref="ComplianceOverdueAnnouncer"/>). A row with a due time, not broker scheduling: RabbitMQ here has no
/// delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed class ComplianceOverdueWorker(
    IServiceScopeFactory scopes, IOptions<ComplianceOptions> options, TimeProvider clock, ILogger<ComplianceOverdueWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "overdue compliance items";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ComplianceOverdueAnnouncer>().AnnounceNextAsync(cancellationToken);
}
