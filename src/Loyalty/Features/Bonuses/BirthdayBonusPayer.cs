using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.EarnPoints;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>
/// Pays one due birthday, in a scope of its own: claims the account whose birthday fell due first
/// (<c>FOR UPDATE SKIP LOCKED</c>, across tenants; the same row lock every posting takes), acts for its tenant, credits
/// the birthday bonus of the program in force and moves the due time a year on, in one transaction. Birthdays
/// are dates in UTC: Loyalty knows no business's time zone. The bonus's source id comes from the account and the year
/// (<see cref="Birthday.BonusSourceId"/>), so a year is never paid twice, even if its due time comes round again.
/// </summary>
public sealed class BirthdayBonusPayer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Handles the next due birthday; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> PayNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A merged-away account takes no postings; its customer's birthday is the survivor's business now.
            var claimed = await db.Accounts.FromSql(
                    $"""
                    SELECT a.*, a.xmin FROM accounts a
                    WHERE a.next_birthday_at <= {now} AND a.merged_into_account_id IS NULL
                    ORDER BY a.next_birthday_at, a.id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var account])
            {
                return false;
            }

            tenant.Set(account.TenantId);
            if (account.TakeDueBirthday(now) is { } birthday)
            {
                await CreditAsync(account, birthday, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    private async Task CreditAsync(LoyaltyAccount account, DateOnly birthday, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = new DateTimeOffset(birthday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The rules in force when it is paid: on the day, normally; after an outage, a late payment follows today's rules.
        var program = await ProgramBook.CurrentAsync(db, cancellationToken);
        var bonus = program.Rules.Earn.Bonuses.Birthday;
        var sourceId = Birthday.BonusSourceId(account.Id, birthday.Year);
        if (bonus == 0 || await db.LedgerEntries.AnyAsync(
            entry => entry.Type == LedgerEntryType.Earn && entry.Source == LedgerSource.Birthday && entry.SourceId == sourceId, cancellationToken))
        {
            return;
        }

        EarnedPoints.Credit(
            db,
            account,
            program.Rules.Expiry.Fix(new LedgerPosting(LedgerEntryType.Earn, bonus, LedgerSource.Birthday, sourceId, null, day) { RuleVersion = program.Version }),
            now);
        await AccountTiers.EvaluateAfterPostingAsync(db, account, day, now, cancellationToken);
    }
}
