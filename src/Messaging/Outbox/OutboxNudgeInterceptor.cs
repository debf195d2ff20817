using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>Nudges the relay after a commit: an implicit SaveChanges transaction, or an explicit one.</summary>
public sealed class OutboxNudgeInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction nothing is visible yet; TransactionCommitted nudges instead.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Nudge();
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Nudge();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Nudge();
}
