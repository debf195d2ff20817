using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;

namespace CustomerPlatform.Loyalty.Features.EarnPoints;

/// <summary>
/// The one way points are credited as earned (a purchase, a bonus, goodwill): the ledger entry, its
/// <see cref="PointsEarned"/> (the source spelled as on the wire) and the meter, together.
/// </summary>
internal static class EarnedPoints
{
    public static LedgerEntry Credit(LoyaltyDbContext db, LoyaltyAccount account, LedgerPosting posting, DateTimeOffset now, Guid? complaintId = null)
    {
        var entry = account.Earn(posting, now);
        db.LedgerEntries.Add(entry);
        db.EnqueueEvent(new PointsEarned
        {
            TenantId = account.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = entry.Branch,
            Points = entry.Points,
            BalanceAfter = entry.BalanceAfter,
            Source = WireNames.Of(entry.Source),
            RuleVersion = entry.RuleVersion,
            SourceId = entry.SourceId,
            ComplaintId = complaintId,
            OccurredAt = now,
        }, now);
        LoyaltyTelemetry.RecordPosting(entry);
        return entry;
    }
}
