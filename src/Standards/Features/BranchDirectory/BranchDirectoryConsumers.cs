using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.BranchDirectory;

/// <summary>Keeps the newest snapshot of each branch from <see cref="BranchRegistered"/>.</summary>
public sealed class BranchRegisteredConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<BranchRegistered, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.branch-registered";

    protected override Task HandleAsync(BranchRegistered message, CancellationToken cancellationToken) =>
        BranchDirectory.KeepAsync(Db, message, cancellationToken);
}

/// <summary>Keeps the newest snapshot of each branch from <see cref="BranchUpdated"/>.</summary>
public sealed class BranchUpdatedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<BranchUpdated, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.branch-updated";

    protected override Task HandleAsync(BranchUpdated message, CancellationToken cancellationToken) =>
        BranchDirectory.KeepAsync(Db, message, cancellationToken);
}

/// <summary>Marks a branch closed from <see cref="BranchClosed"/>.</summary>
public sealed class BranchClosedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<BranchClosed, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.branch-closed";

    protected override async Task HandleAsync(BranchClosed message, CancellationToken cancellationToken)
    {
        var branch = await BranchDirectory.LockAsync(Db, message.TenantId, message.Code, cancellationToken);
        branch.Close(message.OccurredAt);
    }
}

/// <summary>
/// The branch directory's one write path: newest revision wins, whatever order events arrive in. Events of one branch
/// travel on separate queues and may be handled at the same moment, so each takes the branch's row lock first
/// (creating an empty row if there is none) and they apply one after the other, instead of racing to insert.
/// </summary>
internal static class BranchDirectory
{
    public static async Task<Branch> LockAsync(StandardsDbContext db, Guid tenantId, string code, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO branches (tenant_id, code, name, time_zone, opening_hours, holidays, revision)
            VALUES ({tenantId}, {code}, '', '', '[]', '[]', 0)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        var locked = await db.Branches
            .FromSql($"SELECT * FROM branches WHERE tenant_id = {tenantId} AND code = {code} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Single();
    }

    public static async Task KeepAsync(StandardsDbContext db, IBranchSnapshot snapshot, CancellationToken cancellationToken)
    {
        var branch = await LockAsync(db, snapshot.TenantId, snapshot.Code, cancellationToken);
        branch.Apply(snapshot);
    }
}
