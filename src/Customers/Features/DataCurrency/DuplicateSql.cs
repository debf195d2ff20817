using CustomerPlatform.Customers.Domain;
using Npgsql;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>
/// The duplicate queries. One customer's are found live (index probes: the GIN indexes on e-mails and phones, the
/// tenant-and-postcode btree); the whole business's are a set query the scanner runs, grouping by shared value
/// instead of probing per customer.
/// </summary>
internal static class DuplicateSql
{
    /// <summary>A value shared by more customers than this is a placeholder ("none@shop.example"), not a person.</summary>
    public const int MaxSharedValue = 50;

    private const string MinSimilarity = "0.6";

    /// <summary>One customer's candidates (@tenant, @id), dismissed pairs left out; the customer's own summary row first.</summary>
    public const string ForCustomer =
        $"""
        SELECT o.id, o.display_name, o.emails[1], o.phones[1], o.postcode_key,
               o.emails && me.emails, o.phones && me.phones,
               o.postcode_key = me.postcode_key AND similarity(o.display_name, me.display_name) >= {MinSimilarity},
               similarity(o.display_name, me.display_name)
        FROM customers me
        JOIN customers o ON o.tenant_id = me.tenant_id AND o.id <> me.id AND o.archived_at IS NULL
            AND (o.emails && me.emails OR o.phones && me.phones
                 OR (o.postcode_key = me.postcode_key AND similarity(o.display_name, me.display_name) >= {MinSimilarity}))
        WHERE me.tenant_id = @tenant AND me.id = @id
          AND NOT EXISTS (
              SELECT 1 FROM duplicate_dismissals d
              WHERE d.tenant_id = @tenant AND d.customer_a = LEAST(me.id, o.id) AND d.customer_b = GREATEST(me.id, o.id))
        LIMIT @limit
        """;

    /// <summary>Every candidate pair of a business (@tenant), the lower id first; dismissals are applied when reading.</summary>
    public static readonly string ForBusiness =
        $"""
        WITH live AS MATERIALIZED (
            SELECT id, emails, phones, display_name, postcode_key FROM customers WHERE tenant_id = @tenant AND archived_at IS NULL),
        email_values AS (SELECT id, unnest(emails) AS value FROM live),
        shared_emails AS (SELECT value FROM email_values GROUP BY value HAVING count(*) BETWEEN 2 AND {MaxSharedValue}),
        phone_values AS (SELECT id, unnest(phones) AS value FROM live),
        shared_phones AS (SELECT value FROM phone_values GROUP BY value HAVING count(*) BETWEEN 2 AND {MaxSharedValue}),
        shared_postcodes AS (SELECT postcode_key FROM live WHERE postcode_key IS NOT NULL GROUP BY postcode_key HAVING count(*) >= 2),
        pairs AS (
            SELECT x.id AS a, y.id AS b FROM email_values x JOIN email_values y ON y.value = x.value AND x.id < y.id
            WHERE x.value IN (SELECT value FROM shared_emails)
            UNION
            SELECT x.id, y.id FROM phone_values x JOIN phone_values y ON y.value = x.value AND x.id < y.id
            WHERE x.value IN (SELECT value FROM shared_phones)
            UNION
            SELECT x.id, y.id FROM live x JOIN live y ON y.postcode_key = x.postcode_key AND x.id < y.id
            WHERE x.postcode_key IN (SELECT postcode_key FROM shared_postcodes)
              AND similarity(x.display_name, y.display_name) >= {MinSimilarity})
        SELECT p.a, p.b, a.emails && b.emails, a.phones && b.phones,
               a.postcode_key = b.postcode_key AND similarity(a.display_name, b.display_name) >= {MinSimilarity},
               similarity(a.display_name, b.display_name)
        FROM pairs p JOIN live a ON a.id = p.a JOIN live b ON b.id = p.b
        """;

    /// <summary>The reasons a row's three flags (at <paramref name="first"/>) name.</summary>
    public static List<DuplicateReason> Reasons(NpgsqlDataReader reader, int first)
    {
        var reasons = new List<DuplicateReason>(3);
        if (Flag(reader, first))
        {
            reasons.Add(DuplicateReason.Email);
        }

        if (Flag(reader, first + 1))
        {
            reasons.Add(DuplicateReason.Phone);
        }

        if (Flag(reader, first + 2))
        {
            reasons.Add(DuplicateReason.NameAndPostcode);
        }

        return reasons;
    }

    private static bool Flag(NpgsqlDataReader reader, int ordinal) => !reader.IsDBNull(ordinal) && reader.GetBoolean(ordinal);
}
