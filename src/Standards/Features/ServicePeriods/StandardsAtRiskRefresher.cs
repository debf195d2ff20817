using System.Diagnostics.Metrics;
using CustomerPlatform.ServiceDefaults.Hosting;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>
/// Counts, per business and branch, the standards at risk and breached so far in the open period, through the live
/// scorecard (<see cref="Scorecards.Scorecards"/>), for the gauges in <see cref="StandardsTelemetry"/>.
/// </summary>
internal sealed class StandardsAtRiskRefresher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ServicePeriodOptions> options, ILogger<StandardsAtRiskRefresher> logger)
    : GaugeRefresher(clock, logger)
{
    public static readonly GaugeReadings AtRisk = new();
    public static readonly GaugeReadings Breached = new();

    private readonly TimeProvider _clock = clock;

    protected override string GaugeName => "standards at risk and breached";

    protected override TimeSpan RefreshInterval => options.Value.GaugeRefreshInterval;

    protected override void Register()
    {
        _ = StandardsTelemetry.StandardsAtRisk;
        _ = StandardsTelemetry.StandardsBreached;
    }

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Across businesses on purpose: only businesses with an active standard have anything to count.
            tenants = await scope.ServiceProvider.GetRequiredService<StandardsDbContext>().ServiceStandards.IgnoreQueryFilters().AsNoTracking()
                .Where(standard => standard.Status == StandardStatus.Active)
                .Select(standard => standard.TenantId).Distinct()
                .ToListAsync(cancellationToken);
        }

        var atRisk = new List<Measurement<long>>();
        var breached = new List<Measurement<long>>();
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<StandardsDbContext>();
            var settings = await db.ServicePeriodSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
                ?? ServicePeriodSettings.Default(tenantId, now);
            var open = settings.Calendar.Containing(now);
            var lines = await scope.ServiceProvider.GetRequiredService<Scorecards.Scorecards>()
                .MeasureAsync(tenantId, new MeasurementWindow(open.From, open.To), null, now, cancellationToken);
            foreach (var branch in lines.GroupBy(line => line.Branch, StringComparer.Ordinal))
            {
                KeyValuePair<string, object?>[] tags = [new("tenant.id", tenantId.ToString()), new("branch", branch.Key)];
                atRisk.Add(new Measurement<long>(branch.Count(line => line.Outcome == StandardOutcome.AtRisk), tags));
                breached.Add(new Measurement<long>(branch.Count(line => line.Outcome == StandardOutcome.Breached), tags));
            }
        }

        AtRisk.Current = atRisk;
        Breached.Current = breached;
    }
}
