using CustomerPlatform.Contracts;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Messaging.Inbox;

/// <summary>
/// Base of every consumer: acts for the event's tenant, and records the message id in the inbox in the same
/// transaction as the work, so a redelivered message has exactly one effect. A failure rolls both back and
/// MassTransit retries, then moves the message to the error queue; the database being away is not such a failure:
/// the consumer waits for it (up to <see cref="DatabaseOutageWait"/>).
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TenantContext tenant, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class, IIntegrationEvent
    where TContext : ServiceDbContext
{
    /// <summary>How long a consumer waits for its database to come back before the message counts as failed.</summary>
    public static readonly TimeSpan DatabaseOutageWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan DatabaseRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>The inbox key's consumer part; stable, so renaming the class does not re-run old messages.</summary>
    protected abstract string ConsumerName { get; }

    /// <summary>The context the work uses; saved by the base class, never by the handler.</summary>
    protected TContext Db => db;

    /// <summary>The time the message is handled.</summary>
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");
        tenant.Set(context.Message.TenantId);
        // Not the consume context's token: it is cancelled when the bus stops, which turned every message being
        // handled at SIGTERM into a fault in the error queue. The work is one short transaction; the host's stop
        // timeout bounds it, so shutdown drains in-flight messages instead.
        var cancellationToken = CancellationToken.None;
        var outageDeadline = clock.GetUtcNow() + DatabaseOutageWait;
        while (true)
        {
            try
            {
                await HandleOnceAsync(context.Message, messageId, cancellationToken);
                return;
            }
            catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception) && clock.GetUtcNow() < outageDeadline)
            {
                // The database is away (a restart, a failover) after EF's own quick retries. Waiting here keeps the
                // message's retries for real failures: spent during a restart, they sent a healthy message to the
                // error queue. If the app stops meanwhile, the unacknowledged message is simply delivered again.
                MessagingTelemetry.InboxDatabaseWaits.Add(1);
                await Task.Delay(DatabaseRetryInterval, clock, cancellationToken);
            }
        }
    }

    private async Task HandleOnceAsync(TMessage message, Guid messageId, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                VALUES ({messageId}, {ConsumerName}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """,
                cancellationToken);
            if (claimed == 0)
            {
                MessagingTelemetry.InboxDuplicates.Add(1);
                return;
            }

            await HandleAsync(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>Does the work through <see cref="Db"/>; must also be safe to re-run (natural keys).</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
