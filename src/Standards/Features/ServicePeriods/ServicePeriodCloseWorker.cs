using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>
/// Closes each business's periods by themselves, <c>closeAfterHours</c> after their end, oldest first
/// (<see cref="PeriodCloses.CloseNextDueAsync"/>). A row with a due time, not broker scheduling (STYLE.md, section 7).
/// </summary>
public sealed class ServicePeriodCloseWorker(
    IServiceScopeFactory scopes, IOptions<ServicePeriodOptions> options, TimeProvider clock, ILogger<ServicePeriodCloseWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "service periods due to close";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PeriodCloses>().CloseNextDueAsync(cancellationToken);
}
