using CustomerPlatform.Contracts;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Messaging.Inbox;

/// <summary>
/// Base of every consumer: acts for the event's tenant, and records the message id in the inbox in the same
/// transaction as the work, so a redelivered message has exactly one effect. A failure rolls both back and
/// MassTransit retries, then moves the message to the error queue.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TenantContext tenant, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class, IIntegrationEvent
    where TContext : ServiceDbContext
{
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

            await HandleAsync(context.Message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Does the work through <see cref="Db"/>; must also be safe to re-run (natural keys).</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
