using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>Counts each purchase in its branch's day: what complaints and compensation are set per 100 of.</summary>
public sealed class PurchaseCountConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRecorded, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-purchases";

    protected override async Task HandleAsync(PurchaseRecorded message, CancellationToken cancellationToken)
    {
        var counted = BranchDayCounts.Start(message.TenantId, message.Branch, message.OccurredAt);
        counted.CountPurchase();
        await BranchDayCountsUpsert.AddAsync(Db, counted, cancellationToken);
    }
}
