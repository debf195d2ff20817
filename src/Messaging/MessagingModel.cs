using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Messaging;

/// <summary>Adds the outbox and inbox tables to a service's model (call from its OnModelCreating).</summary>
public static class MessagingModel
{
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(message => message.Id);
            outbox.Property(message => message.Sequence).UseIdentityAlwaysColumn();
            outbox.Property(message => message.MessageType).HasMaxLength(200);
            outbox.Property(message => message.Payload).HasColumnType("jsonb");
            outbox.Property(message => message.TraceParent).HasMaxLength(55);
            outbox.Property(message => message.LastError).HasMaxLength(2000);
            // The relay's claim query walks only unsent rows, in order.
            outbox.HasIndex(message => message.Sequence)
                .HasDatabaseName("ix_outbox_messages_unsent")
                .HasFilter("sent_at IS NULL");
            outbox.HasIndex(message => message.SentAt).HasDatabaseName("ix_outbox_messages_sent_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(message => new { message.MessageId, message.Consumer });
            inbox.Property(message => message.Consumer).HasMaxLength(200);
            inbox.HasIndex(message => message.ProcessedAt);
        });
        return modelBuilder;
    }
}
