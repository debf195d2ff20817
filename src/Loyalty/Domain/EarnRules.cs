namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// How many points a purchase earns. The foundation rule: one point per whole currency unit, rounded down,
/// so refunds and partial units never create fractional points.
/// </summary>
public static class EarnRules
{
    public const int DefaultPointsPerUnit = 1;

    public static long PointsForPurchase(decimal amount, int pointsPerUnit = DefaultPointsPerUnit)
    {
        if (amount <= 0)
        {
            return 0;
        }

        return (long)decimal.Floor(amount) * pointsPerUnit;
    }
}
