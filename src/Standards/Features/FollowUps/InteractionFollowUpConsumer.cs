using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.FollowUps;

/// <summary>Opens a follow-up for each interaction that owes the customer one.</summary>
public sealed class InteractionFollowUpConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<InteractionRecorded, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.open-follow-up";

    protected override async Task HandleAsync(InteractionRecorded message, CancellationToken cancellationToken)
    {
        if (message.FollowUpDueAt is not { } dueAt)
        {
            return;
        }

        // The two queues race: when the completion got here first it already wrote the whole row (it carries the
        // branch and due time too), so there is nothing to add.
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO follow_ups (tenant_id, interaction_id, branch, due_at)
            VALUES ({message.TenantId}, {message.InteractionId}, {message.Branch}, {dueAt})
            ON CONFLICT (tenant_id, interaction_id) DO NOTHING
            """,
            cancellationToken);
    }
}
