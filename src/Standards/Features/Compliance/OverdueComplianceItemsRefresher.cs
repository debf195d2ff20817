using System.Diagnostics.Metrics;
using CustomerPlatform.ServiceDefaults.Hosting;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>Counts every business's overdue compliance items for the gauge (<see cref="OverdueComplianceItems"/>).</summary>
internal sealed class OverdueComplianceItemsRefresher(
    IDbContextFactory<StandardsDbContext> contexts, TimeProvider clock, IOptions<ComplianceOptions> options, ILogger<OverdueComplianceItemsRefresher> logger)
    : GaugeRefresher(clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string GaugeName => "overdue compliance items";

    protected override TimeSpan RefreshInterval => options.Value.GaugeRefreshInterval;

    protected override void Register() => _ = StandardsTelemetry.ComplianceItemsOverdue;

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = _clock.GetUtcNow();
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
}
