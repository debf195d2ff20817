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
        var branch = await BranchDirectory.FindAsync(Db, message.Code, cancellationToken);
        if (branch is null)
        {
            Db.Branches.Add(Branch.ClosedPlaceholder(message.TenantId, message.Code, message.Revision, message.OccurredAt));
        }
        else
        {
            branch.Close(message.Revision, message.OccurredAt);
        }
    }
}

/// <summary>The branch directory's one write path: newest revision wins, whatever order events arrive in.</summary>
internal static class BranchDirectory
{
    public static Task<Branch?> FindAsync(StandardsDbContext db, string code, CancellationToken cancellationToken) =>
        db.Branches.FirstOrDefaultAsync(branch => branch.Code == code, cancellationToken);

    public static async Task KeepAsync(StandardsDbContext db, IBranchSnapshot snapshot, CancellationToken cancellationToken)
    {
        var branch = await FindAsync(db, snapshot.Code, cancellationToken);
        if (branch is null)
        {
            db.Branches.Add(Branch.From(snapshot));
        }
        else
        {
            branch.Apply(snapshot);
        }
    }
}
