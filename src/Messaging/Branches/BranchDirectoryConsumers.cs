using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Messaging.Branches;

/// <summary>Keeps the newest snapshot of each branch from <see cref="BranchRegistered"/>.</summary>
public sealed class BranchRegisteredConsumer<TContext>(TContext db, TenantContext tenant, TimeProvider clock, BranchDirectoryService service)
    : InboxConsumer<BranchRegistered, TContext>(db, tenant, clock)
    where TContext : ServiceDbContext
{
    protected override string ConsumerName => $"{service.Name}.branch-registered";

    protected override Task HandleAsync(BranchRegistered message, CancellationToken cancellationToken) =>
        BranchDirectory.KeepAsync(Db, message, cancellationToken);
}

/// <summary>Keeps the newest snapshot of each branch from <see cref="BranchUpdated"/>.</summary>
public sealed class BranchUpdatedConsumer<TContext>(TContext db, TenantContext tenant, TimeProvider clock, BranchDirectoryService service)
    : InboxConsumer<BranchUpdated, TContext>(db, tenant, clock)
    where TContext : ServiceDbContext
{
    protected override string ConsumerName => $"{service.Name}.branch-updated";

    protected override Task HandleAsync(BranchUpdated message, CancellationToken cancellationToken) =>
        BranchDirectory.KeepAsync(Db, message, cancellationToken);
}

/// <summary>Marks a branch closed from <see cref="BranchClosed"/>.</summary>
public sealed class BranchClosedConsumer<TContext>(TContext db, TenantContext tenant, TimeProvider clock, BranchDirectoryService service)
    : InboxConsumer<BranchClosed, TContext>(db, tenant, clock)
    where TContext : ServiceDbContext
{
    protected override string ConsumerName => $"{service.Name}.branch-closed";

    protected override async Task HandleAsync(BranchClosed message, CancellationToken cancellationToken)
    {
        var branch = await BranchDirectory.LockAsync(Db, message.TenantId, message.Code, cancellationToken);
        branch.Close(message.OccurredAt);
    }
}
