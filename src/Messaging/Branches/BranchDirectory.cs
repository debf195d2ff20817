using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Messaging.Branches;

/// <summary>
/// The branch directory's one write path: newest revision wins, whatever order events arrive in. Events of one branch
/// travel on separate queues and may be handled at the same moment, so each takes the branch's row lock first
/// (creating an empty row if there is none) and they apply one after the other, instead of racing to insert.
/// </summary>
public static class BranchDirectory
{
    public static async Task<Branch> LockAsync(ServiceDbContext db, Guid tenantId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO branches (tenant_id, code, name, time_zone, opening_hours, holidays, revision)
            VALUES ({tenantId}, {code}, '', '', '[]', '[]', 0)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        var locked = await db.Set<Branch>()
            .FromSql($"SELECT * FROM branches WHERE tenant_id = {tenantId} AND code = {code} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Single();
    }

    public static async Task KeepAsync(ServiceDbContext db, IBranchSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var branch = await LockAsync(db, snapshot.TenantId, snapshot.Code, cancellationToken);
        branch.Apply(snapshot);
    }

    /// <summary>The calendar of the tenant's branch, or null when the directory has no usable hours for it.</summary>
    public static async Task<BusinessCalendar?> CalendarOfAsync(ServiceDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var branch = await db.Set<Branch>().AsNoTracking().FirstOrDefaultAsync(branch => branch.Code == code, cancellationToken);
        return branch?.Calendar();
    }
}
