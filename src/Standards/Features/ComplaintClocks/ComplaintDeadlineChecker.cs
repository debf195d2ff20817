using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ComplaintClocks;

/// <summary>
/// Checks one deadline whose warning or due time has passed, in a scope of its own: claims it (<c>FOR UPDATE SKIP
/// LOCKED</c>, across tenants; a resolution clock waiting on the customer is paused and never claimed), and if its
/// clock still runs, warns (<c>StandardAtRisk</c>) or records the breach (<c>StandardBreached</c>), in one transaction
/// with the mark that it was done, so each is published once.
/// </summary>
public sealed class ComplaintDeadlineChecker(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Checks the next due deadline; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> CheckNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ComplaintDeadlines.FromSql(
                    $"""
                    SELECT d.* FROM complaint_deadlines d
                    JOIN complaint_clocks c ON c.tenant_id = d.tenant_id AND c.complaint_id = d.complaint_id
                    WHERE d.next_check_at <= {now}
                      AND (d.clock = 'Acknowledgement' OR c.waiting_since IS NULL)
                    ORDER BY d.next_check_at, d.id
                    LIMIT 1
                    FOR UPDATE OF d SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var deadline])
            {
                return false;
            }

            tenant.Set(deadline.TenantId);
            var complaint = await db.ComplaintClocks.SingleAsync(candidate => candidate.ComplaintId == deadline.ComplaintId, cancellationToken);
            if (complaint.IsRunning(deadline))
            {
                if (deadline.WarnedAt is null && deadline.WarnAt <= now)
                {
                    // Found only after the due time too (the service was down): the breach says it all.
                    if (deadline.IsWarningDue(now))
                    {
                        ComplaintDeadlines.Warn(db, deadline, now);
                    }

                    deadline.Warn(now);
                }

                if (deadline.IsDue(now))
                {
                    ComplaintDeadlines.RecordBreach(db, deadline, now);
                }
            }
            else if (complaint.StoppedAt(deadline) is { } stopped && deadline.Stop(stopped))
            {
                ComplaintDeadlines.RecordBreach(db, deadline, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
