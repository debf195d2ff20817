using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class InteractionTopicsTests
{
    [Fact]
    public void Normalise_MixedSpellings_TrimsLowerCasesCollapsesAndDeduplicatesInFirstOrder()
    {
        var errors = new Dictionary<string, string[]>();

        var topics = InteractionTopics.Normalise(["  Opening Hours ", "PRICING", "opening   hours", "pricing", "Delivery\tTimes"], errors);

        Assert.Empty(errors);
        Assert.Equal(["opening hours", "pricing", "delivery times"], topics);
    }

    [Fact]
    public void Normalise_Null_IsNoTopics()
    {
        var errors = new Dictionary<string, string[]>();

        var topics = InteractionTopics.Normalise(null, errors);

        Assert.Empty(topics);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Normalise_EmptyTopic_NamesItsIndex(string? blank)
    {
        var errors = new Dictionary<string, string[]>();

        InteractionTopics.Normalise(["fine", blank], errors);

        Assert.True(errors.ContainsKey("topics[1]"));
        Assert.Single(errors);
    }

    [Fact]
    public void Normalise_FiftyCharacters_IsAcceptedAndFiftyOneIsNot()
    {
        var errors = new Dictionary<string, string[]>();

        var topics = InteractionTopics.Normalise([new string('a', 50), " " + new string('b', 51) + " "], errors);

        Assert.Equal([new string('a', 50)], topics);
        Assert.True(errors.ContainsKey("topics[1]"));
    }

    [Fact]
    public void Normalise_ControlCharacter_IsRefused()
    {
        var errors = new Dictionary<string, string[]>();

        InteractionTopics.Normalise(["nul\u0000inside"], errors);

        Assert.True(errors.ContainsKey("topics[0]"));
    }

    [Fact]
    public void Normalise_TwentyDistinctTopicsWithDuplicates_IsAccepted()
    {
        var errors = new Dictionary<string, string[]>();
        var raw = Enumerable.Range(1, 20).SelectMany(n => new[] { $"topic {n}", $"TOPIC {n}" }).ToList<string?>();

        var topics = InteractionTopics.Normalise(raw, errors);

        Assert.Empty(errors);
        Assert.Equal(20, topics.Count);
    }

    [Fact]
    public void Normalise_TwentyOneDistinctTopics_IsRefused()
    {
        var errors = new Dictionary<string, string[]>();

        InteractionTopics.Normalise([.. Enumerable.Range(1, 21).Select(n => $"topic {n}")], errors);

        Assert.True(errors.ContainsKey("topics"));
    }
}
