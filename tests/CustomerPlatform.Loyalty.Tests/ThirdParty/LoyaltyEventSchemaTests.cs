using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerPlatform.Contracts.Loyalty;
using MassTransit;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.ThirdParty;

/// <summary>The public loyalty events' wire names and committed schemas cannot drift from the code unnoticed.</summary>
public sealed partial class LoyaltyEventSchemaTests
{
    public static TheoryData<string> EventNames() => [.. LoyaltyEventSchemas.EventTypes.Select(type => type.Name)];

    [Fact]
    public void LoyaltyEvents_AreFoundByReflection_IncludingTheFirstThree()
    {
        var names = LoyaltyEventSchemas.EventTypes.Select(type => type.Name).ToList();

        Assert.Contains(nameof(LoyaltyAccountOpened), names);
        Assert.Contains(nameof(PointsEarned), names);
        Assert.Contains(nameof(PointsReversed), names);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void LoyaltyEvent_IsASealedRecordWithPinnedVersionedNames(string eventName)
    {
        var type = EventType(eventName);

        var entityName = LoyaltyEventSchemas.EntityNameOf(type);
        var urn = type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString();

        Assert.True(type.IsSealed, $"{eventName} should be sealed");
        Assert.NotNull(type.GetMethod("<Clone>$"));
        Assert.Matches(VersionedName(), entityName);
        Assert.Equal($"urn:message:{entityName}", urn);
        Assert.True(((ILoyaltyEvent)Activator.CreateInstance(type)!).SchemaVersion >= 1, "SchemaVersion starts at 1");
    }

    [Fact]
    public void LoyaltyEventsInterface_HasItsOwnPinnedExchange()
    {
        var entityName = typeof(ILoyaltyEvent).GetCustomAttribute<EntityNameAttribute>()?.EntityName;

        Assert.Equal("loyalty.events.v1", entityName);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void LoyaltyEvent_CommittedSchema_MatchesTheCode(string eventName)
    {
        var type = EventType(eventName);
        var path = Path.Combine(LoyaltyEventSchemas.RepositoryRoot(), LoyaltyEventSchemas.RelativePathOf(type));

        var generated = LoyaltyEventSchemas.Generate(type);
        if (Environment.GetEnvironmentVariable("CP_UPDATE_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Assert.True(
            committed == generated,
            $"{LoyaltyEventSchemas.RelativePathOf(type)} is {(committed is null ? "missing" : "out of date")}: the {eventName} contract " +
            $"changed. A field added is fine (regenerate and commit); a field renamed, retyped or removed is a new '.v2' event " +
            $"(docs/loyalty-integration.md). Regenerate with: {LoyaltyEventSchemas.RegenerateCommand}");
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void LoyaltyEvent_Schema_DescribesEveryFieldAndRequiresTheCommonOnes(string eventName)
    {
        var schema = JsonNode.Parse(LoyaltyEventSchemas.Generate(EventType(eventName)))!.AsObject();

        var properties = schema["properties"]!.AsObject();
        var required = schema["required"]!.AsArray().Select(name => name!.GetValue<string>()).ToList();

        Assert.False(string.IsNullOrWhiteSpace(schema["description"]?.GetValue<string>()));
        Assert.All(properties, property => Assert.False(
            string.IsNullOrWhiteSpace(property.Value?["description"]?.GetValue<string>()),
            $"{eventName}.{property.Key} has no XML doc summary"));
        Assert.Subset(
            required.ToHashSet(),
            new HashSet<string> { "eventId", "schemaVersion", "tenantId", "accountId", "customerId", "occurredAt" });
    }

    [Fact]
    public void SchemaDirectory_HoldsNoSchemaOfAnEventThatNoLongerExists()
    {
        var directory = Path.Combine(LoyaltyEventSchemas.RepositoryRoot(), LoyaltyEventSchemas.Directory);
        var expected = LoyaltyEventSchemas.EventTypes.Select(type => $"{LoyaltyEventSchemas.EntityNameOf(type)}.json").ToHashSet();

        var orphans = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json").Select(Path.GetFileName).Where(name => !expected.Contains(name!)).ToList()
            : [];

        Assert.True(orphans.Count == 0, $"No contract generates {string.Join(", ", orphans)}: delete them, or restore the event.");
    }

    private static Type EventType(string name) => LoyaltyEventSchemas.EventTypes.Single(type => type.Name == name);

    [GeneratedRegex(@"^loyalty\.[a-z]+(-[a-z]+)*\.v[1-9][0-9]*$")]
    private static partial Regex VersionedName();
}
