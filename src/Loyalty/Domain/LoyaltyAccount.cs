using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>A customer's loyalty account; its balance is always the sum of its ledger.</summary>
public sealed class LoyaltyAccount : ITenantOwned
{
    private LoyaltyAccount()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public long Balance { get; private set; }

    /// <summary>Every point ever credited (earned, bonus, goodwill); debits do not lower it.</summary>
    public long LifetimePoints { get; private set; }

    public DateTimeOffset OpenedAt { get; private init; }

    /// <summary>
    /// When the expiry worker must next look at the account: the earliest notice or expiry among its credits still
    /// waiting; null when nothing is. A credit that expires brings it forward; the worker sets it after each pass.
    /// </summary>
    public DateTimeOffset? ExpiryDueAt { get; private set; }

    /// <summary>Row version (xmin): concurrent postings to one account serialise through it.</summary>
    public uint Version { get; private set; }

    /// <summary>The customer who referred this account's customer (from their registration): paid the referral bonus on the first purchase.</summary>
    public Guid? ReferredByCustomerId { get; private set; }

    /// <summary>The customer's birthday (month and day only), while Customers knows it and the customer is not erased.</summary>
    public Birthday? Birthday { get; private set; }

    /// <summary>When the news behind <see cref="Birthday"/> happened, so an older event arriving late cannot undo a newer one (or an erasure).</summary>
    public DateTimeOffset? BirthdayAsOf { get; private set; }

    /// <summary>When the next birthday bonus falls due (the birthday's start, UTC); null without a birthday. The birthday worker claims it.</summary>
    public DateTimeOffset? NextBirthdayAt { get; private set; }

    public static LoyaltyAccount Open(Guid tenantId, Guid customerId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            OpenedAt = now,
        };

    /// <summary>Records who referred the customer; the first referrer named stays, and no one refers themselves.</summary>
    public void RecordReferrer(Guid referrerCustomerId)
    {
        if (ReferredByCustomerId is null && referrerCustomerId != CustomerId && referrerCustomerId != Guid.Empty)
        {
            ReferredByCustomerId = referrerCustomerId;
        }
    }

    /// <summary>
    /// Takes the birthday Customers last published (null: none known) unless newer news was applied already; a changed
    /// birthday falls due next on or after <paramref name="today"/>, an unchanged one keeps its due time, so an update of
    /// another field after this year's bonus cannot bring the bonus back.
    /// </summary>
    public void RecordBirthday(Birthday? birthday, DateTimeOffset asOf, DateOnly today)
    {
        if (BirthdayAsOf is { } known && asOf < known)
        {
            return;
        }

        BirthdayAsOf = asOf;
        if (birthday == Birthday)
        {
            return;
        }

        Birthday = birthday;
        NextBirthdayAt = birthday is null ? null : StartOf(birthday.NextOnOrAfter(today));
    }

    /// <summary>Forgets the birthday for good on erasure: a late update published before the erasure cannot restore it.</summary>
    public void ForgetBirthday(DateTimeOffset erasedAt)
    {
        Birthday = null;
        NextBirthdayAt = null;
        BirthdayAsOf = BirthdayAsOf is { } known && known > erasedAt ? known : erasedAt;
    }

    /// <summary>
    /// The birthday that is due (the date <see cref="NextBirthdayAt"/> names) and moves the due time to the one a year
    /// later, whether or not a bonus is paid; null when nothing is due.
    /// </summary>
    public DateOnly? TakeDueBirthday(DateTimeOffset now)
    {
        if (Birthday is null || NextBirthdayAt is not { } due || due > now)
        {
            return null;
        }

        var birthday = DateOnly.FromDateTime(due.UtcDateTime);
        NextBirthdayAt = StartOf(Birthday.In(birthday.Year + 1));
        return birthday;
    }

    private static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Credits earned points and returns the ledger entry that records them.</summary>
    public LedgerEntry Earn(LedgerPosting posting, DateTimeOffset now)
    {
        if (posting.Type != LedgerEntryType.Earn || posting.Points <= 0)
        {
            throw new DomainException("invalid-points", "Earned points must be positive.");
        }

        return Post(posting, now);
    }

    /// <summary>
    /// The one way the balance changes: applies a posting and returns its ledger entry. An earn also counts in
    /// <see cref="LifetimePoints"/>. The balance never goes below zero: a redemption or an adjustment that would
    /// take it there is refused, while a reversal or an expiry takes what is left and records the rest as its
    /// shortfall (a refund of points already spent).
    /// </summary>
    public LedgerEntry Post(LedgerPosting posting, DateTimeOffset now)
    {
        if (MergedIntoAccountId is not null)
        {
            throw new DomainException("account-merged", "The account was merged into another customer's account.", DomainErrorKind.Conflict);
        }

        if (posting.Points == 0)
        {
            throw new DomainException("invalid-points", "A ledger entry must move at least one point.");
        }

        var points = posting.Points;
        var shortfall = 0L;
        if (points < 0 && -points > Balance)
        {
            if (posting.Type is not (LedgerEntryType.Reverse or LedgerEntryType.Expire))
            {
                throw new DomainException("insufficient-points", $"The account has {Balance} points; {-points} are needed.");
            }

            shortfall = -points - Balance;
            points = -Balance;
        }

        Balance = checked(Balance + points);
        if (posting.Type == LedgerEntryType.Earn)
        {
            LifetimePoints = checked(LifetimePoints + points);
        }

        // A voided redemption gives its points back to the credits they came from (PointLots): the worker looks again.
        var due = posting.Type == LedgerEntryType.Reverse && points > 0 ? now : posting.ExpiryNoticeAt ?? posting.ExpiresAt;
        if (points > 0 && due is not null && !(ExpiryDueAt <= due))
        {
            ExpiryDueAt = due;
        }

        return LedgerEntry.Create(this, posting with { Points = points, Shortfall = shortfall }, now);
    }

    /// <summary>Sets when the expiry worker next looks at the account (see <see cref="ExpiryDueAt"/>); null: nothing waits.</summary>
    public void ScheduleExpiry(DateTimeOffset? due) => ExpiryDueAt = MergedIntoAccountId is null ? due : null;

    /// <summary>
    /// The account its customer was merged into; set, the account is closed: its balance and lifetime points moved
    /// there and it takes no further postings.
    /// </summary>
    public Guid? MergedIntoAccountId { get; private set; }

    /// <summary>
    /// Moves this account's balance (an adjustment debit here, a credit on the survivor) and lifetime points to the
    /// surviving customer's account, then closes this one. The entries are null when there was no balance to move.
    /// The credit expires as <paramref name="carried"/> says (see <see cref="CarriedExpiry"/>); never when not given.
    /// </summary>
    public AccountMerge MergeInto(LoyaltyAccount survivor, DateTimeOffset now, CarriedExpiry? carried = null)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        if (survivor.Id == Id || survivor.TenantId != TenantId)
        {
            throw new DomainException("invalid-merge", "An account can only merge into another account of the same business.");
        }

        if (survivor.MergedIntoAccountId is not null)
        {
            throw new DomainException("account-merged", "The surviving account was itself merged away.", DomainErrorKind.Conflict);
        }

        LedgerEntry? debit = null;
        LedgerEntry? credit = null;
        var moved = Balance;
        if (moved > 0)
        {
            var reason = $"merged into customer {survivor.CustomerId}";
            debit = Post(new LedgerPosting(LedgerEntryType.Adjust, -moved, LedgerSource.MergedAway, Id, null, now) { Reason = reason }, now);
            credit = survivor.Post(
                (carried ?? CarriedExpiry.Never).Fix(
                    new LedgerPosting(LedgerEntryType.Adjust, moved, LedgerSource.Merge, Id, null, now) { Reason = $"merged from customer {CustomerId}" }),
                now);
        }

        survivor.LifetimePoints = checked(survivor.LifetimePoints + LifetimePoints);
        LifetimePoints = 0;
        MergedIntoAccountId = survivor.Id;
        ExpiryDueAt = null;
        return new AccountMerge(debit, credit);
    }
}

/// <summary>The entries a merge posted: the debit on the merged-away account and the credit on the survivor.</summary>
/// <param name="Debit">The merged-away account's balance taken out; null when it had none.</param>
/// <param name="Credit">The same points put into the survivor's account; null when there were none.</param>
public sealed record AccountMerge(LedgerEntry? Debit, LedgerEntry? Credit);
