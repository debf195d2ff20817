using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.EarnPoints;

/// <summary>
/// Credits the program's feedback bonus to a customer who gave feedback or answered a survey, once per item. Items
/// staff record about a customer earn nothing: the bonus thanks the customer for their time. The bonus is not pending:
/// there is no return window for an opinion.
/// </summary>
public sealed class FeedbackReceivedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FeedbackReceived, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.feedback-bonus";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        if (message.CustomerId is not { } customerId || string.Equals(message.From, "staff", StringComparison.Ordinal))
        {
            return;
        }

        var program = await ProgramBook.InForceAtAsync(Db, message.OccurredAt, cancellationToken);
        var bonus = program.Rules.Earn.Bonuses.FeedbackResponse;
        if (bonus == 0)
        {
            return;
        }

        // The same row lock as purchases: every posting to an account queues for it.
        await Db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM accounts WHERE tenant_id = {message.TenantId} AND customer_id = {customerId} FOR UPDATE",
            cancellationToken);
        var found = await Db.Accounts
            .Where(candidate => candidate.CustomerId == customerId)
            .Select(candidate => new
            {
                Account = candidate,
                Credited = Db.LedgerEntries.Any(credit =>
                    credit.AccountId == candidate.Id && credit.Type == LedgerEntryType.Earn
                    && credit.Source == LedgerSource.FeedbackResponse && credit.SourceId == message.FeedbackId),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is { Credited: true })
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var account = found?.Account ?? AccountBook.Open(Db, message.TenantId, customerId, now);
        EarnedPoints.Credit(
            Db,
            account,
            program.Rules.Expiry.Fix(new LedgerPosting(LedgerEntryType.Earn, bonus, LedgerSource.FeedbackResponse, message.FeedbackId, message.Branch, message.OccurredAt)
            {
                RuleVersion = program.Version,
            }),
            now);
        await AccountTiers.EvaluateAfterPostingAsync(Db, account, message.OccurredAt, now, cancellationToken);
    }
}
