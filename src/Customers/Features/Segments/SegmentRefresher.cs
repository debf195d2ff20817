using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Hosting;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Segments;

/// <summary>Settings of the background scoring and membership refresh (configuration section <c>Segments</c>).</summary>
public sealed class SegmentOptions
{
    /// <summary>How often businesses whose metrics changed are rescored, and segments waiting for a refresh refreshed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every segment is refreshed even without a known change: rules over time ("days since") and customer edits.</summary>
    public TimeSpan FullRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Membership changes (and their events) written per transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long an active customer may go without a purchase before they count as lapsed.</summary>
    public TimeSpan LapsedAfter { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often customers are checked for lapsing: it is a matter of days, so hourly is plenty.</summary>
    public TimeSpan LapseSweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Wakes the refresher when a segment is created, changed or deleted.</summary>
public sealed class SegmentSignal : WakeSignal;

/// <summary>
/// The background work behind segments: rescoring businesses whose metrics changed (one statement each, see
/// <see cref="Rfm.RescoreSql"/>), then bringing each stale segment's stored membership in line with its rules and
/// publishing a <see cref="CustomerSegmentChanged"/> per join and leave, in batches of <see cref="SegmentOptions.BatchSize"/>
/// per transaction. Safe to run concurrently (replicas, or a test calling <see cref="RunOnceAsync"/>): a rescore claims
/// its marker row, and every membership batch holds the segment's advisory lock while it diffs, so nothing is announced twice.
/// </summary>
public sealed partial class SegmentRefresher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<SegmentOptions> options, ILogger<SegmentRefresher> logger)
{
    // The first key of PostgreSQL's two-key advisory locks ("segm"); the second is the segment id's hash.
    private const int SegmentLockClass = 0x7365_676D;

    private DateTimeOffset _lastLapseSweep = DateTimeOffset.MinValue;

    private SegmentOptions Options => options.Value;

    /// <summary>One pass: lapsing (at most once per sweep interval), every pending rescore, then every segment due for a refresh.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _lastLapseSweep >= Options.LapseSweepInterval)
        {
            await SweepLapsedAsync(cancellationToken);
            _lastLapseSweep = clock.GetUtcNow();
        }

        foreach (var tenantId in await PendingRescoresAsync(cancellationToken))
        {
            await RescoreAsync(tenantId, cancellationToken);
        }

        foreach (var (segmentId, tenantId) in await SegmentsDueAsync(cancellationToken))
        {
            try
            {
                await RefreshAsync(tenantId, segmentId, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One segment failing (say, rules that no longer check) must not hold up the others.
                LogRefreshFailed(exception, segmentId);
            }
        }
    }

    /// <summary>Recomputes the business's RFM scores and marks its segments for a refresh, if no one else did since it was asked.</summary>
    public async Task RescoreAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = ScopeFor(tenantId, out var db);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Taking the marker is the claim: a concurrent rescore of the same business waits here, then finds none.
            if (await db.Database.ExecuteSqlAsync($"DELETE FROM metrics_rescore_requests WHERE tenant_id = {tenantId}", cancellationToken) == 0)
            {
                return;
            }

            await db.Database.ExecuteSqlRawAsync(
                Rfm.RescoreSql,
                [new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId }, new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() }],
                cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE segments SET change_generation = change_generation + 1 WHERE tenant_id = {tenantId} AND deleted_at IS NULL",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Brings the segment's stored membership in line with its rules (a deleted segment's with nobody, then removes it).</summary>
    public async Task RefreshAsync(Guid tenantId, Guid segmentId, CancellationToken cancellationToken)
    {
        await using var scope = ScopeFor(tenantId, out var db);
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == segmentId, cancellationToken);
        if (segment is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var deleted = segment.DeletedAt is not null;
        var predicate = deleted ? SegmentSql.Nobody(tenantId) : await SegmentApi.CompileAsync(segment, db, now, cancellationToken);
        var joined = deleted ? 0 : await ApplyChangesAsync(db, segment, predicate, CustomerSegmentChanged.Joined, cancellationToken);
        var left = await ApplyChangesAsync(db, segment, predicate, CustomerSegmentChanged.Left, cancellationToken);
        if (deleted)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM segments WHERE id = {segmentId} AND deleted_at IS NOT NULL", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE segments
                SET refreshed_generation = GREATEST(refreshed_generation, {segment.ChangeGeneration}),
                    refreshed_at = {now},
                    member_count = (SELECT count(*) FROM segment_members WHERE tenant_id = {tenantId} AND segment_id = {segmentId})
                WHERE id = {segmentId}
                """,
                cancellationToken);
        }

        LogRefreshed(segmentId, joined, left);
    }

    /// <summary>
    /// Writes one kind of change in keyset batches, each in its own transaction with its events: customers who meet
    /// the rules and are not members join; members who no longer meet them leave. Returns how many changed.
    /// </summary>
    private async Task<int> ApplyChangesAsync(
        CustomersDbContext db, Segment segment, SegmentPredicate predicate, string change, CancellationToken cancellationToken)
    {
        var total = 0;
        Guid? after = null;
        while (true)
        {
            var batch = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlAsync(
                    $"SELECT pg_advisory_xact_lock({SegmentLockClass}, hashtext({segment.Id.ToString()}))", cancellationToken);
                var ids = await FindChangesAsync(db, segment, predicate, change, after, cancellationToken);
                if (ids.Count == 0)
                {
                    return ids;
                }

                var now = clock.GetUtcNow();
                if (change == CustomerSegmentChanged.Joined)
                {
                    await db.Database.ExecuteSqlAsync(
                        $"""
                        INSERT INTO segment_members (tenant_id, segment_id, customer_id, joined_at)
                        SELECT {segment.TenantId}, {segment.Id}, customer_id, {now} FROM unnest({ids.ToArray()}) AS customer_id
                        ON CONFLICT DO NOTHING
                        """,
                        cancellationToken);
                }
                else
                {
                    await db.Database.ExecuteSqlAsync(
                        $"DELETE FROM segment_members WHERE tenant_id = {segment.TenantId} AND segment_id = {segment.Id} AND customer_id = ANY({ids.ToArray()})",
                        cancellationToken);
                }

                foreach (var customerId in ids)
                {
                    db.EnqueueEvent(new CustomerSegmentChanged
                    {
                        TenantId = segment.TenantId,
                        SegmentId = segment.Id,
                        SegmentName = segment.Name,
                        CustomerId = customerId,
                        Change = change,
                        OccurredAt = now,
                    }, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ids;
            });

            total += batch.Count;
            if (batch.Count < Options.BatchSize)
            {
                return total;
            }

            after = batch[^1];
        }
    }

    private Task<List<Guid>> FindChangesAsync(
        CustomersDbContext db, Segment segment, SegmentPredicate predicate, string change, Guid? after, CancellationToken cancellationToken)
    {
        var parameters = predicate.CloneParameters().ToList();
        parameters.Add(new NpgsqlParameter("segment", NpgsqlDbType.Uuid) { Value = segment.Id });
        parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Integer) { Value = Options.BatchSize });
        if (after is { } afterId)
        {
            parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = afterId });
        }

        var sql = change == CustomerSegmentChanged.Joined
            ? $"""
              SELECT c.id FROM {predicate.From}
              WHERE {predicate.Where}{(after is null ? "" : " AND c.id > @after")}
                AND NOT EXISTS (SELECT 1 FROM segment_members sm WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment AND sm.customer_id = c.id)
              ORDER BY c.id
              LIMIT @batch
              """
            : $"""
              SELECT sm.customer_id FROM segment_members sm
              WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment{(after is null ? "" : " AND sm.customer_id > @after")}
                AND NOT EXISTS (SELECT 1 FROM {predicate.From} WHERE c.id = sm.customer_id AND {predicate.Where})
              ORDER BY sm.customer_id
              LIMIT @batch
              """;
        return RawSql.ReadAsync(db, sql, parameters, row => row.GetGuid(0), cancellationToken);
    }

    private async Task<List<Guid>> PendingRescoresAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        return await db.Database
            .SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM metrics_rescore_requests ORDER BY requested_at LIMIT 1000")
            .ToListAsync(cancellationToken);
    }

    private async Task<List<(Guid SegmentId, Guid TenantId)>> SegmentsDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        // Every business's segments: the refresher works for no one tenant, and each refresh then runs as its tenant.
        return await RawSql.ReadAsync(
            db,
            """
            SELECT id, tenant_id FROM segments
            WHERE deleted_at IS NOT NULL OR change_generation > refreshed_generation OR refreshed_at IS NULL OR refreshed_at < @stale_before
            ORDER BY refreshed_at NULLS FIRST
            LIMIT 1000
            """,
            [new NpgsqlParameter("stale_before", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() - Options.FullRefreshInterval }],
            row => (row.GetGuid(0), row.GetGuid(1)),
            cancellationToken);
    }

    /// <summary>
    /// Marks active customers whose last purchase is older than <see cref="SegmentOptions.LapsedAfter"/> as lapsed, a
    /// business and a thousand customers at a time, each with its <c>CustomerUpdated</c> in the same transaction. Their
    /// next purchase makes them active again (<see cref="Customer.MarkPurchased"/>).
    /// </summary>
    public async Task SweepLapsedAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Options.LapsedAfter;
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
            tenants = await db.Database.SqlQuery<Guid>($"""
                SELECT DISTINCT c.tenant_id AS "Value" FROM customers c
                JOIN customer_metrics m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id
                WHERE c.status = 'Active' AND m.last_purchase_at < {cutoff}
                """).ToListAsync(cancellationToken);
        }

        foreach (var tenantId in tenants)
        {
            while (true)
            {
                await using var scope = ScopeFor(tenantId, out var db);
                var lapsing = await db.Customers
                    .Where(customer => customer.Status == LifecycleStatus.Active
                        && db.CustomerMetrics.Any(metrics => metrics.CustomerId == customer.Id && metrics.LastPurchaseAt < cutoff))
                    .Take(Options.BatchSize)
                    .ToListAsync(cancellationToken);
                var now = clock.GetUtcNow();
                foreach (var customer in lapsing.Where(customer => customer.MarkLapsed(now)))
                {
                    db.EnqueueEvent(UpdateCustomer.Updated(customer, ["status"], now), now);
                }

                await db.SaveChangesAsync(cancellationToken);
                if (lapsing.Count < Options.BatchSize)
                {
                    break;
                }
            }
        }
    }

    private AsyncServiceScope ScopeFor(Guid tenantId, out CustomersDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        return scope;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Segment {SegmentId} refreshed: {Joined} joined, {Left} left")]
    private partial void LogRefreshed(Guid segmentId, int joined, int left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} could not be refreshed; the next pass tries again")]
    private partial void LogRefreshFailed(Exception exception, Guid segmentId);
}

/// <summary>Runs the <see cref="SegmentRefresher"/> every <see cref="SegmentOptions.Interval"/>, and at once when a segment changes.</summary>
public sealed partial class SegmentWorker(
    SegmentRefresher refresher, SegmentSignal signal, IOptions<SegmentOptions> options, ILogger<SegmentWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await refresher.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not stop the service; the next pass tries again.
                LogPassFailed(exception);
            }

            await signal.WaitAsync(options.Value.Interval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment refresh pass failed")]
    private partial void LogPassFailed(Exception exception);
}

public static class SegmentRegistration
{
    /// <summary>The background scoring and segment refresh, with its settings from the <c>Segments</c> section.</summary>
    public static IHostApplicationBuilder AddSegments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SegmentOptions>().BindConfiguration("Segments");
        builder.Services.AddSingleton<SegmentSignal>();
        builder.Services.AddSingleton<SegmentRefresher>();
        builder.Services.AddHostedService<SegmentWorker>();
        return builder;
    }
}
