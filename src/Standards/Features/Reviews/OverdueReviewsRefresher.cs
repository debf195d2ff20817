using System.Diagnostics.Metrics;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>Counts every business's overdue reviews for the gauge (<see cref="OverdueReviews"/>).</summary>
internal sealed partial class OverdueReviewsRefresher(
    IDbContextFactory<StandardsDbContext> contexts, TimeProvider clock, IOptions<ReviewOptions> options, ILogger<OverdueReviewsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Touching the gauge registers it with the meter before the first collection.
        _ = StandardsTelemetry.ReviewsOverdue;
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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Across businesses on purpose (a context without a tenant sees no rows); every business with an open review is
        // counted, so one whose last overdue review was decided shows 0 rather than its old count.
        var counts = await db.ReviewActions.IgnoreQueryFilters().AsNoTracking()
            .Where(review => review.Status == ReviewStatus.Open)
            .GroupBy(review => review.TenantId)
            .Select(business => new { TenantId = business.Key, Overdue = business.Count(review => review.DueOn < today) })
            .ToListAsync(cancellationToken);
        OverdueReviews.Current = new OverdueReviews(
            [.. counts.Select(count => new Measurement<long>(count.Overdue, new KeyValuePair<string, object?>("tenant.id", count.TenantId.ToString())))]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the overdue reviews gauge failed; it keeps the last counts.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
