using System.Text.Json;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Segments;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class SegmentSqlTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compile_NoFilters_IsTenantFilteredAndExcludesArchivedAndErased()
    {
        var predicate = SegmentSql.Compile([], Tenant, Now);

        Assert.Equal("c.tenant_id = @tenant AND c.archived_at IS NULL AND c.status <> 'Erased'", predicate.Where);
        Assert.Equal(Tenant, Assert.Single(predicate.Parameters).Value);
        Assert.False(predicate.NeedsMetrics);
        Assert.Equal(SegmentPredicate.CustomersOnly, predicate.From);
    }

    [Fact]
    public void Compile_ClientText_TravelsOnlyAsParameters()
    {
        const string hostile = "x'); DROP TABLE customers; --";
        IReadOnlyList<SegmentFilter> filters =
        [
            new ValueInFilter(SegmentField.HomeBranch, [hostile]),
            new TagsFilter([hostile], All: false),
            new AttributeFilter("shoeSize", CustomAttributeType.Text, SegmentOperator.Eq, JsonSerializer.SerializeToElement(hostile)),
        ];

        var predicate = SegmentSql.Compile(filters, Tenant, Now);

        Assert.DoesNotContain("DROP", predicate.Where, StringComparison.Ordinal);
        Assert.DoesNotContain("shoeSize", predicate.Where, StringComparison.Ordinal);
        Assert.Contains(predicate.Parameters, parameter => Equals(parameter.Value, hostile));
        Assert.Contains(predicate.Parameters, parameter => parameter.Value is string[] tags && tags.Single() == hostile);
    }

    [Fact]
    public void Compile_AnyGroup_BecomesOneParenthesisedOr()
    {
        var predicate = SegmentSql.Compile(
            [new AnyOfFilter([new NumberFilter(SegmentField.Rating, SegmentOperator.Gte, 4), new TagsFilter(["vip"], All: true)])], Tenant, Now);

        Assert.EndsWith("AND (c.rating >= @p0 OR c.tags @> @p1)", predicate.Where, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SegmentOperator.Lte, 0, "coalesce(m.purchase_count, 0) <= @p0")]
    [InlineData(SegmentOperator.Eq, 0, "coalesce(m.purchase_count, 0) = @p0")]
    [InlineData(SegmentOperator.Gte, 2, "m.purchase_count >= @p0")]
    public void Compile_PurchaseCount_CountsProspectsAsZeroOnlyWhenZeroMatches(SegmentOperator op, int value, string expected)
    {
        var predicate = SegmentSql.Compile([new NumberFilter(SegmentField.PurchaseCount, op, value)], Tenant, Now);

        Assert.EndsWith(expected, predicate.Where, StringComparison.Ordinal);
        Assert.True(predicate.NeedsMetrics);
        Assert.Equal(SegmentPredicate.CustomersWithMetrics, predicate.From);
    }

    [Fact]
    public void Compile_DaysSinceLastPurchase_ComparesTheTimestampWithACutoff()
    {
        var predicate = SegmentSql.Compile([new DaysSinceFilter(SegmentField.DaysSinceLastPurchase, SegmentOperator.Lte, 30)], Tenant, Now);

        Assert.EndsWith("m.last_purchase_at >= @p0", predicate.Where, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(-30).UtcDateTime, predicate.Parameters[1].Value);
    }

    [Fact]
    public void Compile_ValueTierNone_IncludesCustomersWithoutMetrics()
    {
        var predicate = SegmentSql.Compile([new ValueInFilter(SegmentField.ValueTier, ["None", "Low"])], Tenant, Now);

        Assert.EndsWith("(m.value_tier = ANY(@p0) OR m.customer_id IS NULL)", predicate.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ConsentAndAttributeEquality_UseJsonContainment()
    {
        var predicate = SegmentSql.Compile(
            [new ConsentFilter(ContactChannel.Sms), new AttributeFilter("vip", CustomAttributeType.Boolean, SegmentOperator.Eq, JsonSerializer.SerializeToElement(true))],
            Tenant,
            Now);

        Assert.EndsWith("c.consent @> @p0 AND c.attributes @> @p2", predicate.Where, StringComparison.Ordinal);
        Assert.Equal("""{"Sms":{"granted":true}}""", predicate.Parameters[1].Value);
        Assert.Equal("""{"vip":true}""", predicate.Parameters[3].Value);
    }

    [Fact]
    public void CloneParameters_GivesParametersNoCommandOwns()
    {
        var predicate = SegmentSql.Compile([new NumberFilter(SegmentField.Rating, SegmentOperator.Eq, 3)], Tenant, Now);

        var first = predicate.CloneParameters();
        var second = predicate.CloneParameters();

        Assert.NotSame(first[1], second[1]);
        Assert.Equal(3, second[1].Value);
    }
}
