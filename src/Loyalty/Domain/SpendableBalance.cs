using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>What an account may spend: its balance less the points still pending (earned but not yet available).</summary>
public static class SpendableBalance
{
    public static long Of(long balance, long pendingPoints) => Math.Max(0, balance - pendingPoints);

    /// <summary>422 <c>insufficient-points</c> when <paramref name="points"/> is more than the account may spend.</summary>
    public static void EnsureCovers(long balance, long pendingPoints, long points)
    {
        var spendable = Of(balance, pendingPoints);
        if (points > spendable)
        {
            throw new DomainException(
                "insufficient-points",
                pendingPoints > 0
                    ? $"The account may spend {spendable} points ({pendingPoints} more are pending); {points} are needed."
                    : $"The account has {balance} points; {points} are needed.");
        }
    }
}
