using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Segments;

/// <summary>
/// A segment's rules as one SQL condition over <c>customers c</c> (and, when a rule needs it, <c>customer_metrics m</c>
/// joined to it): the business's customers who are neither archived nor erased and who meet every rule. Client
/// values only ever travel as parameters; the SQL text is made of fixed fragments.
/// </summary>
public sealed record SegmentPredicate(string Where, IReadOnlyList<NpgsqlParameter> Parameters, bool NeedsMetrics)
{
    public const string CustomersOnly = "customers c";
    public const string CustomersWithMetrics = "customers c LEFT JOIN customer_metrics m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id";

    /// <summary>The FROM clause the condition needs.</summary>
    public string From => NeedsMetrics ? CustomersWithMetrics : CustomersOnly;

    /// <summary>Fresh copies of the parameters: an NpgsqlParameter belongs to one command at a time.</summary>
    public NpgsqlParameter[] CloneParameters() => [.. Parameters.Select(parameter => parameter.Clone())];
}

public static class SegmentSql
{
    /// <summary>The condition for <paramref name="filters"/> in <paramref name="tenantId"/>'s customers, with "days since" measured from <paramref name="now"/>.</summary>
    public static SegmentPredicate Compile(IReadOnlyList<SegmentFilter> filters, Guid tenantId, DateTimeOffset now)
    {
        var compiler = new Compiler(now);
        compiler.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        var where = new StringBuilder("c.tenant_id = @tenant AND c.archived_at IS NULL AND c.status <> 'Erased'");
        foreach (var filter in filters)
        {
            where.Append(" AND ").Append(compiler.Term(filter));
        }

        return new SegmentPredicate(where.ToString(), compiler.Parameters, compiler.NeedsMetrics);
    }

    /// <summary>A condition no customer meets: what a deleted segment's members are refreshed against.</summary>
    public static SegmentPredicate Nobody(Guid tenantId) =>
        new("c.tenant_id = @tenant AND false", [new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId }], NeedsMetrics: false);

    private sealed class Compiler(DateTimeOffset now)
    {
        private int _named;

        public List<NpgsqlParameter> Parameters { get; } = [];

        public bool NeedsMetrics { get; private set; }

        public string Term(SegmentFilter filter) => filter switch
        {
            AnyOfFilter any => $"({string.Join(" OR ", any.Filters.Select(Term))})",
            ValueInFilter { Field: SegmentField.ValueTier } tiers => ValueTier(tiers.Values),
            ValueInFilter values => values.Values.Count == 1
                ? $"{Column(values.Field)} = {Add(NpgsqlDbType.Text, values.Values[0])}"
                : $"{Column(values.Field)} = ANY({Add(NpgsqlDbType.Array | NpgsqlDbType.Text, values.Values.ToArray())})",
            TagsFilter tags => $"c.tags {(tags.All ? "@>" : "&&")} {Add(NpgsqlDbType.Array | NpgsqlDbType.Text, tags.Tags.ToArray())}",
            NumberFilter number => Number(number),
            DaysSinceFilter days => DaysSince(days),
            ConsentFilter consent => $"c.consent @> {Add(NpgsqlDbType.Jsonb, ConsentJson(consent.Channel))}",
            AttributeFilter attribute => Attribute(attribute),
            ProspectFilter { IsProspect: true } => Metrics("coalesce(m.purchase_count, 0) = 0"),
            ProspectFilter => Metrics("m.purchase_count > 0"),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "A filter this compiler does not know."),
        };

        private string Add(NpgsqlDbType type, object value)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"p{_named++}");
            Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            return "@" + name;
        }

        private string Metrics(string sql)
        {
            NeedsMetrics = true;
            return sql;
        }

        private string Column(SegmentField field) => field switch
        {
            SegmentField.Status => "c.status",
            SegmentField.Kind => "c.kind",
            SegmentField.HomeBranch => "c.home_branch",
            SegmentField.Rating => "c.rating",
            SegmentField.RfmCell => Metrics("m.rfm_cell"),
            SegmentField.PurchaseCount => Metrics("m.purchase_count"),
            SegmentField.TotalSpent => Metrics("m.total_spent"),
            SegmentField.RecencyScore => Metrics("m.recency_score"),
            SegmentField.FrequencyScore => Metrics("m.frequency_score"),
            SegmentField.MonetaryScore => Metrics("m.monetary_score"),
            SegmentField.DaysSinceLastPurchase => Metrics("m.last_purchase_at"),
            SegmentField.DaysSinceRegistered => "c.registered_at",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a column."),
        };

        // A prospect has no metrics row; it counts as 0 purchases and 0 spent, so the column is coalesced only when
        // 0 meets the comparison (elsewhere the bare column lets an index serve it).
        private string Number(NumberFilter number)
        {
            var column = Column(number.Field);
            if (number.Field is SegmentField.PurchaseCount or SegmentField.TotalSpent && Holds(0m, number.Op, number.Value))
            {
                column = $"coalesce({column}, 0)";
            }

            var value = number.Field == SegmentField.TotalSpent ? Add(NpgsqlDbType.Numeric, number.Value) : Add(NpgsqlDbType.Integer, (int)number.Value);
            return $"{column} {Operator(number.Op)} {value}";
        }

        private string DaysSince(DaysSinceFilter days)
        {
            // "At most N days ago" is "at or after the cutoff"; comparing the column itself keeps it indexable.
            var cutoff = Add(NpgsqlDbType.TimestampTz, now.AddDays(-days.Days).UtcDateTime);
            return $"{Column(days.Field)} {(days.Op == SegmentOperator.Lte ? ">=" : "<=")} {cutoff}";
        }

        private string ValueTier(IReadOnlyList<string> tiers)
        {
            NeedsMetrics = true;
            var term = $"m.value_tier = ANY({Add(NpgsqlDbType.Array | NpgsqlDbType.Text, tiers.ToArray())})";
            // A prospect has no metrics row, and so no stored tier: theirs is None.
            return tiers.Contains(nameof(Domain.ValueTier.None)) ? $"({term} OR m.customer_id IS NULL)" : term;
        }

        private string Attribute(AttributeFilter attribute)
        {
            var key = Add(NpgsqlDbType.Text, attribute.Key);
            switch (attribute.Op)
            {
                case SegmentOperator.Exists:
                    return $"c.attributes ? {key}";
                case SegmentOperator.Eq:
                    var document = new JsonObject { [attribute.Key] = JsonNode.Parse(attribute.Value!.Value.GetRawText()) };
                    return $"c.attributes @> {Add(NpgsqlDbType.Jsonb, document.ToJsonString())}";
                default:
                    // Stored values were checked against the attribute's type on the way in; the CASE still keeps a
                    // stray value from failing the cast (the planner may evaluate either side of an AND first).
                    var op = Operator(attribute.Op);
                    return attribute.Type == CustomAttributeType.Number
                        ? $"(CASE WHEN jsonb_typeof(c.attributes -> {key}) = 'number' THEN (c.attributes ->> {key})::numeric END) {op} {Add(NpgsqlDbType.Numeric, attribute.Value!.Value.GetDecimal())}"
                        : $"(CASE WHEN jsonb_typeof(c.attributes -> {key}) = 'string' THEN c.attributes ->> {key} END) COLLATE \"C\" {op} {Add(NpgsqlDbType.Text, attribute.Value!.Value.GetString()!)}";
            }
        }

        private static string ConsentJson(ContactChannel channel) =>
            new JsonObject { [channel.ToString()] = new JsonObject { ["granted"] = true } }.ToJsonString();

        private static string Operator(SegmentOperator op) => op switch
        {
            SegmentOperator.Eq => "=",
            SegmentOperator.Gt => ">",
            SegmentOperator.Gte => ">=",
            SegmentOperator.Lt => "<",
            SegmentOperator.Lte => "<=",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
        };

        private static bool Holds(decimal actual, SegmentOperator op, decimal value) => op switch
        {
            SegmentOperator.Eq => actual == value,
            SegmentOperator.Gte => actual >= value,
            SegmentOperator.Lte => actual <= value,
            _ => false,
        };
    }
}
