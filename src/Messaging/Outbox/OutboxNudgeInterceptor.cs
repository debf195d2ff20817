using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>
/// Nudges the relay once a save that added outbox rows is committed: at the end of SaveChanges when it ran in its
/// own transaction, or when the surrounding explicit transaction commits. Saves without outbox rows (the relay's
/// own "mark sent" among them) do not nudge, or the relay would wake itself forever.
/// </summary>
public sealed class OutboxNudgeInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _contextsWithNewRows = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MarkIfAddingOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfAddingOutboxRows(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NudgeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NudgeIfCommitted(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _contextsWithNewRows.Remove(context))
        {
            signal.Nudge();
        }
    }

    private void MarkIfAddingOutboxRows(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            _contextsWithNewRows.AddOrUpdate(context, Pending);
        }
    }

    private void NudgeIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction nothing is visible to the relay yet; TransactionCommitted nudges then.
        if (context is not null && context.Database.CurrentTransaction is null && _contextsWithNewRows.Remove(context))
        {
            signal.Nudge();
        }
    }
}
