using System.Diagnostics.Metrics;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>Counts open and overdue complaint cases per business every 30 seconds for the gauges (<see cref="ComplaintCounts"/>).</summary>
internal sealed partial class ComplaintGaugeRefresher(
    IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock, ILogger<ComplaintGaugeRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The gauges are static fields: touching one registers both with the meter before the first collection.
        _ = FeedbackTelemetry.ComplaintsOpen;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Stale gauges beat a stopped host: the next tick tries again (the database may be restarting).
                LogRefreshFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Across businesses on purpose: a context without a tenant sees no rows through the tenant filter.
        var counts = await db.Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(complaint => complaint.Status != ComplaintStatus.Resolved && complaint.Status != ComplaintStatus.Closed)
            .GroupBy(complaint => complaint.TenantId)
            .Select(business => new
            {
                TenantId = business.Key,
                Open = business.LongCount(),
                Overdue = business.LongCount(complaint => complaint.NextDueAt != null && complaint.NextDueAt < now),
            })
            .ToListAsync(cancellationToken);
        ComplaintCounts.Current = new ComplaintCounts(
            [.. counts.Select(count => new Measurement<long>(count.Open, new KeyValuePair<string, object?>("tenant.id", count.TenantId.ToString())))],
            [.. counts.Select(count => new Measurement<long>(count.Overdue, new KeyValuePair<string, object?>("tenant.id", count.TenantId.ToString())))]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the complaint gauges failed; they keep the last counts.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
