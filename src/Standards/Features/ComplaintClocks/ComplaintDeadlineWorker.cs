using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.ComplaintClocks;

/// <summary>
/// Finds complaint deadlines as their warning and due times pass (<see cref="ComplaintDeadlineChecker"/>): a breach is
/// found the moment it happens, not at period end. Rows with a due time, not broker scheduling (STYLE.md, section 7).
/// </summary>
public sealed class ComplaintDeadlineWorker(
    IServiceScopeFactory scopes, IOptions<ComplaintClockOptions> options, TimeProvider clock, ILogger<ComplaintDeadlineWorker> logger)
    : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "complaint deadlines";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ComplaintDeadlineChecker>().CheckNextAsync(cancellationToken);
}
