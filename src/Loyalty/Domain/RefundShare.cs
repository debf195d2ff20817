namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// How many of a purchase's points a refund takes back: the share of the earned points that matches the share of
/// the purchase refunded so far, less what earlier refunds already took. Working from the running total (the
/// purchase amount less what remains to refund) rather than from each refund alone keeps rounding from adding up,
/// lets refunds arrive in any order, and never takes back more than the purchase earned.
/// </summary>
public static class RefundShare
{
    /// <param name="earned">The points the purchase earned.</param>
    /// <param name="alreadyReversed">What earlier refunds of the purchase took back, shortfalls included.</param>
    /// <param name="purchaseAmount">The amount paid for the purchase; null when unknown (entries older than the column).</param>
    /// <param name="refundAmount">This refund's amount.</param>
    /// <param name="remainingAmount">What remains of the purchase to refund after this one.</param>
    /// <param name="isVoid">Whether the purchase was voided: all that is left is taken back.</param>
    public static long PointsToReverse(
        long earned, long alreadyReversed, decimal? purchaseAmount, decimal refundAmount, decimal remainingAmount, bool isVoid)
    {
        var left = Math.Max(0, earned - alreadyReversed);
        if (left == 0 || (refundAmount <= 0 && !isVoid))
        {
            return 0;
        }

        if (isVoid || remainingAmount <= 0)
        {
            return left;
        }

        if (purchaseAmount is { } total && total > 0)
        {
            var refundedSoFar = Math.Clamp(total - remainingAmount, 0m, total);
            // Rounded down: a partial refund never takes a point the customer may still be owed.
            var target = (long)decimal.Floor(earned * refundedSoFar / total);
            return Math.Clamp(target - alreadyReversed, 0, left);
        }

        // Without the purchase amount: this refund's share of what was left to refund before it.
        return Math.Min(left, (long)decimal.Floor(left * refundAmount / (refundAmount + remainingAmount)));
    }
}
