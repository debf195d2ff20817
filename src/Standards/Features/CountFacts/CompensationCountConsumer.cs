using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>Adds each approved money compensation to its branch's day.</summary>
public sealed class CompensationCountConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CompensationApproved, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-compensation";

    protected override async Task HandleAsync(CompensationApproved message, CancellationToken cancellationToken)
    {
        // Loyalty points cost the business no money at approval, so they add nothing to the cost metric.
        if (message.Amount is not { } amount)
        {
            return;
        }

        // Amounts are added as they come: a business trades in one currency (its purchases and compensation share
        // it), so Currency is not converted. A business with several would need rates this service does not have.
        var counted = BranchDayCounts.Start(message.TenantId, message.Branch, message.OccurredAt);
        counted.CountCompensation(amount);
        await BranchDayCountsUpsert.AddAsync(Db, counted, cancellationToken);
    }
}
