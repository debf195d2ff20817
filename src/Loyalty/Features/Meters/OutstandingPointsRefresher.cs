using System.Diagnostics.Metrics;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Meters;

/// <summary>Sums the balances of every business's accounts for the outstanding-points gauge (<see cref="OutstandingPoints"/>).</summary>
internal sealed partial class OutstandingPointsRefresher(
    IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock, IOptions<LoyaltyMeterOptions> options, ILogger<OutstandingPointsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Touching the gauge registers it with the meter before the first collection.
        _ = LoyaltyTelemetry.PointsOutstanding;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
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
        // Across businesses on purpose: a context without a tenant sees no rows through the tenant filter.
        var sums = await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(account => account.TenantId)
            .Select(business => new { TenantId = business.Key, Points = business.Sum(account => account.Balance) })
            .ToListAsync(cancellationToken);
        OutstandingPoints.Current = new OutstandingPoints(
            [.. sums.Select(sum => new Measurement<long>(sum.Points, new KeyValuePair<string, object?>("tenant.id", sum.TenantId.ToString())))]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the outstanding-points gauge failed; it keeps the last sums.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
