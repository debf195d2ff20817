using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>Why a period could not be closed.</summary>
public enum CloseRefusal
{
    None,
    NotFound,
    NotEnded,
    EarlierPeriodOpen,
}

/// <summary>
/// Closes service periods, from the API and from <see cref="ServicePeriodCloseWorker"/>: freezes the scorecard
/// <see cref="Scorecards.Scorecards"/> computes for the period and enqueues <see cref="ServicePeriodClosed"/> in the same
/// transaction. Every close of a business first locks its <see cref="PeriodCloseDue"/> row, so closes run one at a time,
/// oldest first, and a second close of the same period finds the first one's rows.
/// </summary>
public sealed class PeriodCloses(StandardsDbContext db, Scorecards.Scorecards scorecards, TenantContext tenant, TimeProvider clock)
{
    private const int MaxBreachedComplaintIds = 100;

    // A new due row's values until the settings change that made it sets them, in the same transaction.
    private static readonly (DateOnly Start, DateTimeOffset DueAt) Placeholder = (new DateOnly(9999, 1, 1), new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Closes the period that starts on <paramref name="start"/>, or finds it closed already.</summary>
    public async Task<(ClosedPeriod? Period, CloseRefusal Refusal)> CloseAsync(DateOnly start, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await LockDueAsync(db, tenant.TenantId, create: false, cancellationToken);
            var outcome = await CloseLockedAsync(due, start, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        });

    /// <summary>Closes the longest-due period of any business; false when none is due (or every due one is being closed elsewhere).</summary>
    public async Task<bool> CloseNextDueAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.PeriodCloseDues.FromSql(
                    $"""
                    SELECT * FROM period_close_dues
                    WHERE due_at <= {now}
                    ORDER BY due_at, tenant_id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var due])
            {
                return false;
            }

            tenant.Set(due.TenantId);
            var (_, refusal) = await CloseLockedAsync(due, due.PeriodStart, now, cancellationToken);
            if (refusal != CloseRefusal.None)
            {
                // Settings changed under a stale row; look again later rather than spin on it.
                due.Postpone(now.AddHours(1));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// Locks the business's due row for this transaction; with <paramref name="create"/>, makes it first (its values are
    /// set by the caller before the commit). Null when the business never chose its periods and nothing created one.
    /// </summary>
    internal static async Task<PeriodCloseDue?> LockDueAsync(StandardsDbContext db, Guid tenantId, bool create, CancellationToken cancellationToken)
    {
        if (create)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO period_close_dues (tenant_id, period_start, due_at)
                VALUES ({tenantId}, {Placeholder.Start}, {Placeholder.DueAt})
                ON CONFLICT (tenant_id) DO NOTHING
                """,
                cancellationToken);
        }

        var rows = await db.PeriodCloseDues.FromSql($"SELECT * FROM period_close_dues WHERE tenant_id = {tenantId} FOR UPDATE")
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    internal static async Task<DateOnly?> LastClosedEndAsync(StandardsDbContext db, CancellationToken cancellationToken) =>
        await db.ClosedPeriods.AsNoTracking().OrderByDescending(period => period.Start).Select(period => (DateOnly?)period.End)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<(ClosedPeriod? Period, CloseRefusal Refusal)> CloseLockedAsync(
        PeriodCloseDue? due, DateOnly start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closed = await ServicePeriodReads.FindClosedAsync(db, start, cancellationToken);
        if (closed is not null)
        {
            return (closed, CloseRefusal.None);
        }

        var settings = await db.ServicePeriodSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? ServicePeriodSettings.Default(tenant.TenantId, now);
        var calendar = settings.Calendar;
        if (!calendar.IsStart(start) || start < settings.FirstPeriodStart)
        {
            return (null, CloseRefusal.NotFound);
        }

        var period = calendar.StartingOn(start);
        if (!period.HasEndedAt(now) || due is null)
        {
            return (null, CloseRefusal.NotEnded);
        }

        if (start < due.PeriodStart)
        {
            // Before the oldest unclosed period yet never closed: a gap a settings change left, which no one measures.
            return (null, CloseRefusal.NotFound);
        }

        if (start > due.PeriodStart)
        {
            return (null, CloseRefusal.EarlierPeriodOpen);
        }

        var scorecard = await scorecards.MeasureAsync(tenant.TenantId, new MeasurementWindow(period.From, period.To), null, now, cancellationToken);
        closed = ClosedPeriod.Freeze(tenant.TenantId, settings.Length, period, scorecard, now);
        db.ClosedPeriods.Add(closed);
        db.EnqueueEvent(Announcement(closed, scorecard, now), now);
        var next = calendar.StartingOn(period.End);
        due.Next(next, settings.CloseDueAt(next));
        return (closed, CloseRefusal.None);
    }

    private static ServicePeriodClosed Announcement(ClosedPeriod closed, IReadOnlyList<StandardMeasurement> scorecard, DateTimeOffset now) => new()
    {
        TenantId = closed.TenantId,
        PeriodId = closed.Id,
        Length = WireNames.Of(closed.Length),
        Start = closed.Start,
        End = closed.End,
        Results =
        [
            .. scorecard.Select(line => new ServicePeriodResult
            {
                StandardId = line.StandardId,
                StandardVersion = line.StandardVersion,
                Metric = line.Metric,
                Branch = line.Branch,
                Actual = line.Actual,
                Target = line.Target,
                Comparator = WireNames.Of(line.Comparator),
                Outcome = WireNames.Of(line.Outcome),
                Failed = line.Outcome == StandardOutcome.Breached,
                BreachedComplaintIds =
                [
                    .. line.Failings.Where(failing => failing.Kind == "complaint").Select(failing => failing.Id).Take(MaxBreachedComplaintIds),
                ],
            }),
        ],
        OccurredAt = now,
    };
}
