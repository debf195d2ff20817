using System.Diagnostics.Metrics;
using CustomerPlatform.ServiceDefaults.Hosting;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>Counts every business's overdue reviews for the gauge (<see cref="OverdueReviews"/>).</summary>
internal sealed class OverdueReviewsRefresher(
    IDbContextFactory<StandardsDbContext> contexts, TimeProvider clock, IOptions<ReviewOptions> options, ILogger<OverdueReviewsRefresher> logger)
    : GaugeRefresher(clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string GaugeName => "overdue reviews";

    protected override TimeSpan RefreshInterval => options.Value.GaugeRefreshInterval;

    protected override void Register() => _ = StandardsTelemetry.ReviewsOverdue;

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
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
}
