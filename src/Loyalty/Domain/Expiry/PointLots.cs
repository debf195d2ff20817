namespace CustomerPlatform.Loyalty.Domain.Expiry;

/// <summary>
/// Which credits (lots) the points of a balance still come from, oldest first. Replays the ledger in posting order:
/// each credit opens a lot; each debit (redeem, negative adjustment, reversal) takes from the oldest lots unexpired at
/// its time, then from lots past their expiry whose expiry is not posted yet (the balance still held them, so spending
/// them was allowed); an expiry entry takes from its own lot only; a voided redemption gives its points back to the
/// lots the redemption took them from. Derived from the ledger on demand rather than stored,
/// so no debit path has to maintain it and it can never disagree with the balance.
/// </summary>
public static class PointLots
{
    /// <summary>The lots of a ledger given in posting order (recorded time, then id).</summary>
    public static IReadOnlyList<PointLot> Of(IEnumerable<PointMovement> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var lots = new List<Lot>();
        var index = new Dictionary<Guid, Lot>();
        // Debits beyond every lot (entries of one instant replayed credit-after-debit) are owed by the next credits.
        var owed = 0L;
        var takes = new Dictionary<Guid, List<(Lot Lot, long Points)>>();
        foreach (var movement in ledger)
        {
            if (movement.Points > 0)
            {
                var lot = new Lot(movement) { Remaining = GiveBack(movement, takes) };
                var repaid = Math.Min(owed, lot.Remaining);
                lot.Remaining -= repaid;
                owed -= repaid;
                lots.Add(lot);
                index[lot.Movement.EntryId] = lot;
                continue;
            }

            var wanted = -movement.Points;
            if (movement.ExpiredLotId is { } expiredId && index.TryGetValue(expiredId, out var expired))
            {
                expired.Expired = true;
                wanted -= Take(expired, wanted);
            }
            else
            {
                List<(Lot Lot, long Points)>? taken = null;
                if (movement.UndoKey is { } key)
                {
                    taken = [];
                    takes[key] = taken;
                }

                foreach (var lot in lots.Where(lot => lot.Movement.ExpiresAt is not { } expiresAt || expiresAt > movement.PostedAt).Concat(lots.Where(lot => !lot.Expired)))
                {
                    var points = Take(lot, wanted);
                    wanted -= points;
                    if (points > 0)
                    {
                        taken?.Add((lot, points));
                    }
                }
            }

            owed += wanted;
        }

        return lots.Select(lot => new PointLot(
                lot.Movement.EntryId,
                lot.Movement.Points,
                lot.Remaining,
                lot.Movement.EarnedAt,
                lot.Movement.ExpiresAt,
                lot.Movement.NoticeAt,
                lot.Expired,
                lot.Movement.Branch))
            .ToList();
    }

    /// <summary>
    /// When the expiry worker must next look at the account: the earliest of each open lot's notice (while not yet
    /// given) or expiry; null when no points are waiting to expire.
    /// </summary>
    public static DateTimeOffset? NextDue(IEnumerable<PointLot> lots, IReadOnlySet<Guid> noticed)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(noticed);
        return lots.Where(lot => lot.IsOpen)
            .Select(lot => lot.NoticeAt is { } noticeAt && !noticed.Contains(lot.EntryId) ? noticeAt : lot.ExpiresAt)
            .Min();
    }

    /// <summary>The points that expire next and when (lots expiring at the same moment together); null when none will.</summary>
    public static (long Points, DateTimeOffset At)? NextExpiry(IEnumerable<PointLot> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var open = lots.Where(lot => lot.IsOpen).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var at = open.Min(lot => lot.ExpiresAt!.Value);
        return (open.Where(lot => lot.ExpiresAt == at).Sum(lot => lot.Remaining), at);
    }

    /// <summary>
    /// A credit that undoes a debit (a voided redemption) puts its points back into the lots the debit took them from,
    /// so they keep their expiry; what it cannot put back (a lot expired meanwhile, or no debit found) stays in its own lot.
    /// </summary>
    private static long GiveBack(PointMovement credit, Dictionary<Guid, List<(Lot Lot, long Points)>> takes)
    {
        var left = credit.Points;
        if (credit.UndoesKey is not { } key || !takes.Remove(key, out var taken))
        {
            return left;
        }

        foreach (var (lot, points) in taken.Where(take => !take.Lot.Expired))
        {
            var back = Math.Min(points, left);
            lot.Remaining += back;
            left -= back;
        }

        return left;
    }

    private static long Take(Lot lot, long wanted)
    {
        var taken = Math.Min(wanted, lot.Remaining);
        lot.Remaining -= taken;
        return taken;
    }

    private sealed class Lot(PointMovement movement)
    {
        public PointMovement Movement { get; } = movement;
        public long Remaining { get; set; }
        public bool Expired { get; set; }
    }
}
