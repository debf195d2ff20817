namespace CustomerPlatform.Feedback.Features.Themes;

/// <summary>A counted theme as the query returns it, with its ranks in the period.</summary>
internal sealed record ThemeRow(DateOnly PeriodStart, int Kind, string Text, long Mentions, long PreviousMentions, long TopRank, long RisingRank);

/// <summary>
/// The themes report as one statement. Each comment (a survey's free-text answer, a feedback item's text, a complaint's
/// description) is split into lower-case words; terms are words of three letters or more that are not stopwords,
/// phrases two neighbouring words neither of which is one. A theme counts the comments that mention it, in its period
/// and in the one before; only those reaching the minimum are ranked: by mentions for the top lists, and by growth
/// ((mentions + 1) / (previous + 1)) for the rising one.
/// </summary>
/// <remarks>Plain SQL, so the tenant filter EF adds to entity queries is written out (<c>tenant_id = @tenant</c>).</remarks>
internal static class ThemesSql
{
    public static FormattableString Query(
        Guid tenantId, DateTimeOffset start, DateTimeOffset end, string? branch, string unit, DateOnly first, string[] stopwords, int minimumMentions, int top) => $"""
        WITH texts AS (
            SELECT r.answered_at AS at, answer ->> 'text' AS body
            FROM survey_responses r CROSS JOIN LATERAL jsonb_array_elements(r.answers) AS answer
            WHERE r.tenant_id = {tenantId} AND r.answered_at >= {start} AND r.answered_at < {end}
              AND ({branch}::text IS NULL OR r.branch = {branch}) AND answer ->> 'text' IS NOT NULL
            UNION ALL
            SELECT received_at, comment FROM feedback_items
            WHERE tenant_id = {tenantId} AND received_at >= {start} AND received_at < {end}
              AND ({branch}::text IS NULL OR branch = {branch}) AND comment IS NOT NULL
            UNION ALL
            SELECT received_at, description FROM complaints
            WHERE tenant_id = {tenantId} AND received_at >= {start} AND received_at < {end}
              AND ({branch}::text IS NULL OR branch = {branch}) AND description IS NOT NULL
        ),
        comments AS (
            SELECT row_number() OVER () AS comment, date_trunc({unit}, at AT TIME ZONE 'UTC')::date AS period_start, body FROM texts
        ),
        words AS (
            SELECT c.comment, c.period_start, w.word, w.position
            FROM comments c CROSS JOIN LATERAL regexp_split_to_table(lower(c.body), '[^[:alnum:]'']+') WITH ORDINALITY AS w(word, position)
            WHERE w.word <> ''
        ),
        neighbours AS (
            SELECT comment, period_start, word, lead(word) OVER (PARTITION BY comment ORDER BY position) AS next_word FROM words
        ),
        themes AS (
            SELECT period_start, 0 AS kind, word AS text, comment FROM words
            WHERE length(word) >= 3 AND word <> ALL({stopwords})
            UNION ALL
            SELECT period_start, 1, word || ' ' || next_word, comment FROM neighbours
            WHERE next_word IS NOT NULL AND length(word) >= 2 AND length(next_word) >= 2
              AND word <> ALL({stopwords}) AND next_word <> ALL({stopwords})
        ),
        counted AS (
            SELECT period_start, kind, text, count(DISTINCT comment) AS mentions FROM themes GROUP BY period_start, kind, text
        ),
        compared AS (
            SELECT cur.period_start, cur.kind, cur.text, cur.mentions, coalesce(prev.mentions, 0) AS previous_mentions
            FROM counted cur
            LEFT JOIN counted prev
              ON prev.period_start = date_trunc({unit}, cur.period_start - 1)::date AND prev.kind = cur.kind AND prev.text = cur.text
            WHERE cur.period_start >= {first} AND cur.mentions >= {minimumMentions}
        ),
        ranked AS (
            SELECT *,
                   row_number() OVER (PARTITION BY period_start, kind ORDER BY mentions DESC, text) AS top_rank,
                   CASE WHEN mentions > previous_mentions
                        THEN row_number() OVER (PARTITION BY period_start, mentions > previous_mentions
                                                ORDER BY (mentions + 1.0) / (previous_mentions + 1) DESC, mentions DESC, text)
                   END AS rising_rank
            FROM compared
        )
        SELECT period_start, kind, text, mentions, previous_mentions, top_rank, coalesce(rising_rank, 2147483647) AS rising_rank
        FROM ranked
        WHERE top_rank <= {top} OR rising_rank <= {top}
        """;
}
