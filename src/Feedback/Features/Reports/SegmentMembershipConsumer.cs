using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>
/// Keeps the local copy of segment membership the scores report groups by. Events of one customer and segment may
/// arrive out of order (retries, competing consumers): the one that happened last wins, whatever order they come in.
/// </summary>
public sealed class SegmentMembershipConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerSegmentChanged, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.segment-membership";

    protected override async Task HandleAsync(CustomerSegmentChanged message, CancellationToken cancellationToken)
    {
        var isMember = string.Equals(message.Change, CustomerSegmentChanged.Joined, StringComparison.OrdinalIgnoreCase);
        var name = message.SegmentName.Length > SegmentMembership.MaxSegmentNameLength
            ? message.SegmentName[..SegmentMembership.MaxSegmentNameLength]
            : message.SegmentName;
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO segment_memberships (tenant_id, segment_id, customer_id, segment_name, is_member, changed_at)
            VALUES ({message.TenantId}, {message.SegmentId}, {message.CustomerId}, {name}, {isMember}, {message.OccurredAt})
            ON CONFLICT (tenant_id, segment_id, customer_id) DO UPDATE
               SET segment_name = excluded.segment_name, is_member = excluded.is_member, changed_at = excluded.changed_at
             WHERE segment_memberships.changed_at <= excluded.changed_at
            """,
            cancellationToken);
    }
}
