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

    protected override Task HandleAsync(CustomerConsentChanged message, CancellationToken cancellationToken) =>
        CustomerConsents.KeepAsync(Db, message.TenantId, message.CustomerId, message.Channel, message.Granted, message.OccurredAt, cancellationToken);
}

/// <summary>
/// Keeps the consent a customer gave at sign-up: Customers reports it on <see cref="CustomerRegistered"/>
/// (<c>ConsentedChannels</c>), not as <see cref="CustomerConsentChanged"/>, which is for later decisions.
/// </summary>
public sealed class CustomerRegisteredConsentConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerRegistered, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.keep-sign-up-consent";

    protected override async Task HandleAsync(CustomerRegistered message, CancellationToken cancellationToken)
    {
        foreach (var channel in message.ConsentedChannels ?? [])
        {
            await CustomerConsents.KeepAsync(Db, message.TenantId, message.CustomerId, channel, granted: true, message.OccurredAt, cancellationToken);
        }
    }
}

/// <summary>The consent table's one write path.</summary>
internal static class CustomerConsents
{
    public static async Task KeepAsync(
        FeedbackDbContext db, Guid tenantId, Guid customerId, string channel, bool granted, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var name = channel.Trim().ToLowerInvariant();
        if (name.Length is 0 or > CustomerConsent.MaxChannelLength)
        {
            return;
        }

        // The newest answer wins whatever order the events arrive in; an equal time keeps the first one seen.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customer_consents (tenant_id, customer_id, channel, granted, occurred_at)
            VALUES ({tenantId}, {customerId}, {name}, {granted}, {occurredAt})
            ON CONFLICT (tenant_id, customer_id, channel) DO UPDATE
            SET granted = excluded.granted, occurred_at = excluded.occurred_at
            WHERE customer_consents.occurred_at < excluded.occurred_at
            """,
            cancellationToken);
    }
}
