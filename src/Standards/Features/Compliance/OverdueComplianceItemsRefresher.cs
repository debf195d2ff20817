using System.Diagnostics.Metrics;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>Counts every business's overdue compliance items for the gauge (<see cref="OverdueComplianceItems"/>).</summary>
internal sealed partial class OverdueComplianceItemsRefresher(
    IDbContextFactory<StandardsDbContext> contexts, TimeProvider clock, IOptions<ComplianceOptions> options, ILogger<OverdueComplianceItemsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Touching the gauge registers it with the meter before the first collection.
        _ = StandardsTelemetry.ComplianceItemsOverdue;
        using var timer = new PeriodicTimer(options.Value.GaugeRefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A stale gauge beats a stopped host: the next tick tries again (the database may be restarting).
                LogRefreshFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Across businesses on purpose: a context without a tenant sees no rows through the tenant filter. Every business
        // with a live item is counted, so one whose last overdue item was checked shows 0 rather than its old count.
        var counts = await db.ComplianceItems.IgnoreQueryFilters().AsNoTracking()
            .Where(item => item.ArchivedAt == null)
            .GroupBy(item => item.TenantId)
            .Select(business => new { TenantId = business.Key, Overdue = business.Count(item => item.NextDueAt < now) })
            .ToListAsync(cancellationToken);
        OverdueComplianceItems.Current = new OverdueComplianceItems(
            [.. counts.Select(count => new Measurement<long>(count.Overdue, new KeyValuePair<string, object?>("tenant.id", count.TenantId.ToString())))]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the overdue compliance items gauge failed; it keeps the last counts.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
