using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.EarnPoints;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Goodwill;

/// <summary>Credits goodwill points approved as compensation on a complaint, once per compensation.</summary>
public sealed class CompensationApprovedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CompensationApproved, LoyaltyDbContext>(db, tenant, clock)
{
    public const string LoyaltyPointsType = "loyaltyPoints";

    protected override string ConsumerName => "loyalty.credit-goodwill";

    protected override async Task HandleAsync(CompensationApproved message, CancellationToken cancellationToken)
    {
        if (!string.Equals(message.Type, LoyaltyPointsType, StringComparison.Ordinal)
            || message.CustomerId is not { } customerId
            || message.Points is not > 0)
        {
            return;
        }

        var found = await AccountLocks.LockForCustomerAsync(Db, message.TenantId, customerId, cancellationToken);
        var credited = await Db.LedgerEntries.AnyAsync(
            entry => entry.Type == LedgerEntryType.Earn && entry.Source == LedgerSource.Compensation && entry.SourceId == message.CompensationId,
            cancellationToken);
        if (credited)
        {
            return;
        }

        // Goodwill is spent like any points, so it lapses like them, by the rules in force when it was approved.
        var program = await ProgramBook.InForceAtAsync(Db, message.OccurredAt, cancellationToken);
        var now = Clock.GetUtcNow();
        var account = found is null
            ? AccountBook.Open(Db, message.TenantId, customerId, now)
            : await AccountLocks.FollowMergesAsync(Db, found, cancellationToken);
        EarnedPoints.Credit(
            Db,
            account,
            program.Rules.Expiry.Fix(new LedgerPosting(LedgerEntryType.Earn, message.Points.Value, LedgerSource.Compensation, message.CompensationId, message.Branch, message.OccurredAt)
            {
                RuleVersion = program.Version,
                Reason = $"goodwill for complaint {message.ComplaintId}",
                Actor = message.ApprovedByRole,
            }),
            now,
            message.ComplaintId);
        await AccountTiers.EvaluateAfterPostingAsync(Db, account, message.OccurredAt, now, cancellationToken);
    }
}
