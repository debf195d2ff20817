using System.Globalization;

namespace CustomerPlatform.Customers.Domain;

/// <summary>How much a customer is worth to the business, from their RFM scores; <see cref="None"/> for prospects.</summary>
public enum ValueTier
{
    None,
    Low,
    Medium,
    High,
    Top,
}

/// <summary>
/// RFM scoring. Each score is the customer's quintile (1 to 5, 5 best: most recent, most frequent, biggest spender)
/// among the business's customers with purchases, by <c>NTILE(5)</c>; customers tied on a measure share the lowest
/// tile of their tie, so two customers with the same history always score the same. The value tier comes from the
/// sum of the three scores.
/// </summary>
public static class Rfm
{
    public const int TopFrom = 13;
    public const int HighFrom = 10;
    public const int MediumFrom = 7;

    public static ValueTier TierFor(int recency, int frequency, int monetary) => (recency + frequency + monetary) switch
    {
        >= TopFrom => ValueTier.Top,
        >= HighFrom => ValueTier.High,
        >= MediumFrom => ValueTier.Medium,
        _ => ValueTier.Low,
    };

    public static string CellFor(int recency, int frequency, int monetary) =>
        string.Create(CultureInfo.InvariantCulture, $"{recency}{frequency}{monetary}");

    /// <summary>
    /// Rescores one business in one statement (<c>@tenant</c>, <c>@now</c>). Only rows whose scores change are
    /// written, so a quiet business costs reads, not a rewrite of every row. Customers whose purchases were all
    /// refunded (count 0) lose their scores and are tier <c>None</c>.
    /// </summary>
    public static readonly string RescoreSql = $"""
        WITH ranked AS (
            SELECT customer_id, last_purchase_at, purchase_count, total_spent,
                   ntile(5) OVER (ORDER BY last_purchase_at, customer_id) AS r_tile,
                   ntile(5) OVER (ORDER BY purchase_count, customer_id) AS f_tile,
                   ntile(5) OVER (ORDER BY total_spent, customer_id) AS m_tile
            FROM customer_metrics
            WHERE tenant_id = @tenant AND purchase_count > 0
        ), scored AS (
            SELECT customer_id,
                   min(r_tile) OVER (PARTITION BY last_purchase_at)::smallint AS r,
                   min(f_tile) OVER (PARTITION BY purchase_count)::smallint AS f,
                   min(m_tile) OVER (PARTITION BY total_spent)::smallint AS m
            FROM ranked
        ), target AS (
            SELECT all_rows.customer_id, scored.r, scored.f, scored.m,
                   CASE WHEN scored.customer_id IS NULL THEN '{ValueTier.None}'
                        WHEN scored.r + scored.f + scored.m >= {TopFrom} THEN '{ValueTier.Top}'
                        WHEN scored.r + scored.f + scored.m >= {HighFrom} THEN '{ValueTier.High}'
                        WHEN scored.r + scored.f + scored.m >= {MediumFrom} THEN '{ValueTier.Medium}'
                        ELSE '{ValueTier.Low}' END AS tier
            FROM customer_metrics all_rows
            LEFT JOIN scored ON scored.customer_id = all_rows.customer_id
            WHERE all_rows.tenant_id = @tenant
        )
        UPDATE customer_metrics AS metrics
        SET recency_score = target.r,
            frequency_score = target.f,
            monetary_score = target.m,
            rfm_cell = CASE WHEN target.r IS NULL THEN NULL ELSE concat(target.r, target.f, target.m) END,
            value_tier = target.tier,
            scored_at = @now
        FROM target
        WHERE metrics.tenant_id = @tenant
          AND metrics.customer_id = target.customer_id
          AND (metrics.recency_score IS DISTINCT FROM target.r
               OR metrics.frequency_score IS DISTINCT FROM target.f
               OR metrics.monetary_score IS DISTINCT FROM target.m
               OR metrics.value_tier IS DISTINCT FROM target.tier)
        """;
}
