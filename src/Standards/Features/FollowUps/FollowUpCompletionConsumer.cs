using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.FollowUps;

/// <summary>Records when a follow-up was completed, whether or not its interaction has arrived yet.</summary>
public sealed class FollowUpCompletionConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FollowUpCompleted, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.complete-follow-up";

    protected override async Task HandleAsync(FollowUpCompleted message, CancellationToken cancellationToken) =>
        // Customers publishes one completion per interaction; should another come, the first time stands.
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO follow_ups (tenant_id, interaction_id, branch, due_at, completed_at)
            VALUES ({message.TenantId}, {message.InteractionId}, {message.Branch}, {message.FollowUpDueAt}, {message.OccurredAt})
            ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET
                completed_at = coalesce(follow_ups.completed_at, excluded.completed_at)
            """,
            cancellationToken);
}
