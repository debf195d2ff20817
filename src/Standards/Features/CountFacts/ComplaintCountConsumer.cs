using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>Counts each complaint opened in its branch's day.</summary>
public sealed class ComplaintCountConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<ComplaintReceived, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-complaints";

    protected override async Task HandleAsync(ComplaintReceived message, CancellationToken cancellationToken)
    {
        var counted = BranchDayCounts.Start(message.TenantId, message.Branch, message.OccurredAt);
        counted.CountComplaintOpened();
        await BranchDayCountsUpsert.AddAsync(Db, counted, cancellationToken);
    }
}
