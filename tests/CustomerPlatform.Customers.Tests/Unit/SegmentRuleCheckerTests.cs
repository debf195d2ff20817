using System.Text.Json;
using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class SegmentRuleCheckerTests
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, CustomAttributeDefinition> Definitions = new(StringComparer.Ordinal)
    {
        ["shoeSize"] = CustomAttributeDefinition.Define(Guid.NewGuid(), "shoeSize", CustomAttributeType.Number, "Shoe size", DateTimeOffset.UtcNow),
        ["vip"] = CustomAttributeDefinition.Define(Guid.NewGuid(), "vip", CustomAttributeType.Boolean, "VIP", DateTimeOffset.UtcNow),
    };

    [Fact]
    public void Check_ValidRulesOfEveryKind_ReturnsOneFilterPerCondition()
    {
        var rules = Rules("""
            {"conditions": [
              {"field": "status", "op": "in", "values": ["active", "Lapsed"]},
              {"field": "kind", "op": "eq", "value": "business"},
              {"field": "homeBranch", "op": "in", "values": [" LON-01 "]},
              {"field": "tags", "op": "hasAll", "values": ["VIP", "gold"]},
              {"field": "rating", "op": "gte", "value": 4},
              {"field": "consent", "op": "granted", "value": "email"},
              {"field": "attribute", "key": "shoeSize", "op": "gt", "value": 41.5},
              {"field": "attribute", "key": "vip", "op": "exists"},
              {"field": "daysSinceLastPurchase", "op": "lte", "value": 30},
              {"field": "daysSinceRegistered", "op": "lte", "value": 7},
              {"field": "purchaseCount", "op": "gte", "value": 2},
              {"field": "totalSpent", "op": "gte", "value": 99.95},
              {"field": "recencyScore", "op": "eq", "value": 5},
              {"field": "rfmCell", "op": "in", "values": ["555", "545"]},
              {"field": "valueTier", "op": "in", "values": ["top", "none"]},
              {"any": [{"field": "prospect", "op": "eq", "value": true}, {"field": "monetaryScore", "op": "lte", "value": 2}]}
            ]}
            """);
        var errors = new Dictionary<string, string[]>();

        var filters = SegmentRuleChecker.Check(rules, Definitions, errors);

        Assert.Empty(errors);
        Assert.NotNull(filters);
        Assert.Equal(16, filters.Count);
        Assert.Equal(new ValueInFilter(SegmentField.Status, ["Active", "Lapsed"]), filters[0], FilterComparer.Instance);
        Assert.Equal(new ValueInFilter(SegmentField.HomeBranch, ["LON-01"]), filters[2], FilterComparer.Instance);
        Assert.Equal(new TagsFilter(["vip", "gold"], All: true), filters[3], FilterComparer.Instance);
        Assert.Equal(new ConsentFilter(ContactChannel.Email), filters[5]);
        Assert.Equal(new ValueInFilter(SegmentField.ValueTier, ["Top", "None"]), filters[14], FilterComparer.Instance);
        Assert.IsType<AnyOfFilter>(filters[15]);
    }

    [Fact]
    public void Check_NoConditions_MatchesEveryone()
    {
        var errors = new Dictionary<string, string[]>();

        var filters = SegmentRuleChecker.Check(Rules("""{"conditions": []}"""), Definitions, errors);

        Assert.Empty(errors);
        Assert.Empty(filters!);
    }

    [Theory]
    [InlineData("""{"field": "rating", "op": "gte", "value": 6}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "rating", "op": "gte", "value": 2.5}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "rating", "op": "hasAny", "values": [1]}""", "rules.conditions[0].op")]
    [InlineData("""{"field": "status", "op": "in", "values": ["active", "erased"]}""", "rules.conditions[0].values[1]")]
    [InlineData("""{"field": "status", "op": "in", "value": "active"}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "status", "op": "eq"}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "tags", "op": "hasAny", "values": []}""", "rules.conditions[0].values")]
    [InlineData("""{"field": "tags", "op": "hasAny", "values": ["ok", 5]}""", "rules.conditions[0].values[1]")]
    [InlineData("""{"field": "consent", "op": "granted", "value": "fax"}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "attribute", "op": "eq", "value": 1}""", "rules.conditions[0].key")]
    [InlineData("""{"field": "attribute", "key": "unknown", "op": "eq", "value": 1}""", "rules.conditions[0].key")]
    [InlineData("""{"field": "attribute", "key": "shoeSize", "op": "eq", "value": "big"}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "attribute", "key": "vip", "op": "gt", "value": true}""", "rules.conditions[0].op")]
    [InlineData("""{"field": "daysSinceLastPurchase", "op": "lte", "value": -1}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "totalSpent", "op": "eq", "value": 10}""", "rules.conditions[0].op")]
    [InlineData("""{"field": "rfmCell", "op": "eq", "value": "605"}""", "rules.conditions[0].value")]
    [InlineData("""{"field": "prospect", "op": "eq", "value": "yes"}""", "rules.conditions[0].value")]
    [InlineData("""{"op": "eq", "value": 1}""", "rules.conditions[0].field")]
    [InlineData("""{"field": "rating", "value": 1}""", "rules.conditions[0].op")]
    [InlineData("""{"any": []}""", "rules.conditions[0].any")]
    [InlineData("""{"any": [{"field": "rating", "op": "eq", "value": 1}], "field": "rating"}""", "rules.conditions[0]")]
    [InlineData("""{"any": [{"any": [{"field": "rating", "op": "eq", "value": 1}]}]}""", "rules.conditions[0].any[0].any")]
    [InlineData("""{"any": [{"field": "rating", "op": "eq", "value": 1}, {"field": "kind", "op": "eq", "value": "robot"}]}""", "rules.conditions[0].any[1].value")]
    public void Check_InvalidCondition_NamesItsPath(string condition, string path)
    {
        var errors = new Dictionary<string, string[]>();

        var filters = SegmentRuleChecker.Check(Rules($$"""{"conditions": [{{condition}}]}"""), Definitions, errors);

        Assert.Null(filters);
        Assert.True(errors.ContainsKey(path), $"Expected an error at {path}; got {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void Check_SeveralInvalidConditions_ReportsEveryOne()
    {
        var rules = Rules("""
            {"conditions": [
              {"field": "rating", "op": "eq", "value": 3},
              {"field": "rating", "op": "eq", "value": 9},
              {"field": "kind", "op": "eq", "value": "robot"}
            ]}
            """);
        var errors = new Dictionary<string, string[]>();

        SegmentRuleChecker.Check(rules, Definitions, errors);

        Assert.Equal(["rules.conditions[1].value", "rules.conditions[2].value"], errors.Keys.Order());
    }

    [Fact]
    public void Check_MoreConditionsThanTheCapCountingGroups_IsRefused()
    {
        var leaf = new SegmentCondition { Field = SegmentField.Rating, Op = SegmentOperator.Gte, Value = JsonSerializer.SerializeToElement(1) };
        var rules = new SegmentRules
        {
            Conditions = [.. Enumerable.Repeat(leaf, SegmentRuleChecker.MaxConditions - 1), new SegmentCondition { Any = [leaf, leaf] }],
        };
        var errors = new Dictionary<string, string[]>();

        var filters = SegmentRuleChecker.Check(rules, Definitions, errors);

        Assert.Null(filters);
        Assert.Contains("rules.conditions", errors.Keys);
    }

    [Fact]
    public void Check_MissingRules_IsRefused()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(SegmentRuleChecker.Check(null, Definitions, errors));
        Assert.Contains("rules", errors.Keys);
    }

    [Theory]
    [InlineData(5, 5, 5, ValueTier.Top)]
    [InlineData(5, 4, 4, ValueTier.Top)]
    [InlineData(4, 4, 4, ValueTier.High)]
    [InlineData(5, 3, 2, ValueTier.High)]
    [InlineData(3, 2, 2, ValueTier.Medium)]
    [InlineData(2, 2, 2, ValueTier.Low)]
    [InlineData(1, 1, 1, ValueTier.Low)]
    public void TierFor_SumOfScores_GivesTier(int recency, int frequency, int monetary, ValueTier expected)
    {
        Assert.Equal(expected, Rfm.TierFor(recency, frequency, monetary));
        Assert.Equal($"{recency}{frequency}{monetary}", Rfm.CellFor(recency, frequency, monetary));
    }

    private static SegmentRules Rules(string json) => JsonSerializer.Deserialize<SegmentRules>(json, ApiJson)!;

    /// <summary>Records holding lists compare their lists by reference; filters are equal when their contents are.</summary>
    private sealed class FilterComparer : IEqualityComparer<SegmentFilter>
    {
        public static readonly FilterComparer Instance = new();

        public bool Equals(SegmentFilter? x, SegmentFilter? y) => JsonSerializer.Serialize<object?>(x) == JsonSerializer.Serialize<object?>(y) && x?.GetType() == y?.GetType();

        public int GetHashCode(SegmentFilter obj) => 0;
    }
}
