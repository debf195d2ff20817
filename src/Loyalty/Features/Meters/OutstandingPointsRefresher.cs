using System.Diagnostics.Metrics;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Meters;

/// <summary>Sums the balances of every business's accounts for the outstanding-points gauge (<see cref="OutstandingPoints"/>).</summary>
internal sealed class OutstandingPointsRefresher(
    IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock, IOptions<LoyaltyMeterOptions> options, ILogger<OutstandingPointsRefresher> logger)
    : GaugeRefresher(clock, logger)
{
    protected override string GaugeName => "outstanding points";

    protected override TimeSpan RefreshInterval => options.Value.RefreshInterval;

    protected override void Register() => _ = LoyaltyTelemetry.PointsOutstanding;

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
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
}
