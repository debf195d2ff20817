using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>Keeps a reference to every suggestion staff give through Feedback, for the reviews of their branch.</summary>
public sealed class StaffSuggestionConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FeedbackReceived, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.keep-staff-suggestions";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        if (message.Kind != "suggestion" || message.From != "staff")
        {
            return;
        }

        string[] tags = [.. message.Tags ?? []];
        // The feedback id is the natural key: the same item published again under another message id is kept once.
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO staff_suggestions (tenant_id, feedback_id, branch, occurred_at, tags)
            VALUES ({message.TenantId}, {message.FeedbackId}, {message.Branch}, {message.OccurredAt.ToUniversalTime()}, {tags})
            ON CONFLICT (tenant_id, feedback_id) DO NOTHING
            """,
            cancellationToken);
    }
}
