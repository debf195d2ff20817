using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>Keeps each customer's consent per channel, as Customers reports it, for the invitation worker to check.</summary>
public sealed class CustomerConsentChangedConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerConsentChanged, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.keep-customer-consent";

    protected override async Task HandleAsync(CustomerConsentChanged message, CancellationToken cancellationToken)
    {
        var channel = message.Channel.Trim().ToLowerInvariant();
        if (channel.Length is 0 or > CustomerConsent.MaxChannelLength)
        {
            return;
        }

        // The newest answer wins whatever order the events arrive in; an equal time keeps the first one seen.
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customer_consents (tenant_id, customer_id, channel, granted, occurred_at)
            VALUES ({message.TenantId}, {message.CustomerId}, {channel}, {message.Granted}, {message.OccurredAt})
            ON CONFLICT (tenant_id, customer_id, channel) DO UPDATE
            SET granted = excluded.granted, occurred_at = excluded.occurred_at
            WHERE customer_consents.occurred_at < excluded.occurred_at
            """,
            cancellationToken);
    }
}
