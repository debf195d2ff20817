using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Customers.Features.DataCurrency;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CustomerPlatform.Customers.Tests.DataCurrencyApi;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class DuplicatesTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task CustomerDuplicates_AnyEmailShared_ListsThePairWithEmailReason()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example", "ann@work.example" } });
        var other = await RegisterAsync(client, new { displayName = "A. Smith", emails = new[] { "ANN@work.example" } });
        await RegisterAsync(client, new { displayName = "Bob Brown", emails = new[] { "bob@home.example" } });

        var body = await GetJsonAsync(client, DuplicatesOf(ann));

        var pair = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(ann, pair.GetProperty("a").GetProperty("id").GetGuid());
        Assert.Equal(other, pair.GetProperty("b").GetProperty("id").GetGuid());
        Assert.Equal(["email"], Strings(pair.GetProperty("reasons")));
        Assert.Equal(0.9m, pair.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task CustomerDuplicates_SamePhone_ListsThePairWithPhoneReason()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", phones = new[] { "+44 7700 900123" } });
        var other = await RegisterAsync(client, new { displayName = "Mrs Jones", phones = new[] { "+447700900999", "+447700900123" } });

        var body = await GetJsonAsync(client, DuplicatesOf(other));

        var pair = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(ann, pair.GetProperty("b").GetProperty("id").GetGuid());
        Assert.Equal(["phone"], Strings(pair.GetProperty("reasons")));
        Assert.Equal(0.8m, pair.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task CustomerDuplicates_SimilarNameAtTheSamePostcodeWrittenDifferently_ListsThePair()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var katherine = await RegisterAsync(client, new { displayName = "Katherine Johnson", address = Address("LS1 1AA") });
        var other = await RegisterAsync(client, new { displayName = "Katherine Johnsen", address = Address("ls11aa") });

        var body = await GetJsonAsync(client, DuplicatesOf(katherine));

        var pair = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(other, pair.GetProperty("b").GetProperty("id").GetGuid());
        Assert.Equal("LS11AA", pair.GetProperty("b").GetProperty("postalCode").GetString());
        Assert.Equal(["nameAndPostcode"], Strings(pair.GetProperty("reasons")));
        Assert.InRange(pair.GetProperty("score").GetDecimal(), 0.6m, 0.8m);
    }

    [Fact]
    public async Task CustomerDuplicates_SimilarNameAtAnotherPostcodeOrDissimilarName_ListsNothing()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var katherine = await RegisterAsync(client, new { displayName = "Katherine Johnson", address = Address("LS1 1AA") });
        await RegisterAsync(client, new { displayName = "Katherine Johnsen", address = Address("LS2 9JT") });
        await RegisterAsync(client, new { displayName = "Peter Brown", address = Address("LS1 1AA") });

        var body = await GetJsonAsync(client, DuplicatesOf(katherine));

        Assert.Empty(body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CustomerDuplicates_SeveralReasons_AddUpAndArchivedCustomersAreLeftOut()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" }, phones = new[] { "+447700900123" } });
        var both = await RegisterAsync(client, new { displayName = "Annie", emails = new[] { "ann@home.example" }, phones = new[] { "+447700900123" } });
        var archived = await RegisterAsync(client, new { displayName = "Ann S", emails = new[] { "ann@home.example" } });
        using (var archive = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{archived}/archive", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        var body = await GetJsonAsync(client, DuplicatesOf(ann));

        var pair = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(both, pair.GetProperty("b").GetProperty("id").GetGuid());
        Assert.Equal(["email", "phone"], Strings(pair.GetProperty("reasons")));
        Assert.Equal(1m, pair.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task ListDuplicates_AfterAScan_PagesThePairsMostLikelyFirst()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" }, phones = new[] { "+447700900123" } });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith", emails = new[] { "ann@home.example" }, phones = new[] { "+447700900123" } });
        var bob = await RegisterAsync(client, new { displayName = "Bob Brown", emails = new[] { "bob@home.example" } });
        var robert = await RegisterAsync(client, new { displayName = "Robert Brown", emails = new[] { "bob@home.example" } });
        var kate = await RegisterAsync(client, new { displayName = "Katherine Johnson", address = Address("LS1 1AA") });
        var katie = await RegisterAsync(client, new { displayName = "Katherine Johnsen", address = Address("LS1 1AA") });
        var pairs = await Scanner.ScanAsync(tenantId, CancellationToken.None);

        var first = await GetJsonAsync(client, $"{DuplicatesPath}?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await GetJsonAsync(client, $"{DuplicatesPath}?limit=2&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Equal(3, pairs);
        Assert.True(first.TryGetProperty("scannedAt", out _));
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal([1m, 0.9m], items.Take(2).Select(item => item.GetProperty("score").GetDecimal()));
        Assert.Equal(Pair(ann, annie), Ids(items[0]));
        Assert.Equal(Pair(bob, robert), Ids(items[1]));
        Assert.Equal(Pair(kate, katie), Ids(items[2]));
        Assert.Equal(3, items.Count);
        Assert.True(PurchaseHistoryApi.IsLastPage(second));
    }

    [Fact]
    public async Task ScanPass_FindsEveryBusinessDueAndListsItsPairs()
    {
        // The background pass, not a scan of one named business: it finds the businesses itself.
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" } });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith", emails = new[] { "ann@home.example" } });

        await Scanner.RunOnceAsync(CancellationToken.None);

        var listed = await GetJsonAsync(client, DuplicatesPath);
        Assert.Equal(Pair(ann, annie), Ids(Assert.Single(listed.GetProperty("items").EnumerateArray())));
    }

    [Fact]
    public async Task DismissDuplicates_Pair_IsNoLongerListedAnywhereAndRepeatingChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" } });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith", emails = new[] { "ann@home.example" } });
        await Scanner.ScanAsync(tenantId, CancellationToken.None);

        using var dismissed = await client.PostAsJsonAsync(DismissalsPath, new { a = annie, b = ann });
        using var again = await client.PostAsJsonAsync(DismissalsPath, new { a = ann, b = annie });

        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty((await GetJsonAsync(client, DuplicatesOf(ann))).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetJsonAsync(client, DuplicatesPath)).GetProperty("items").EnumerateArray());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("duplicate_dismissals", tenantId));
    }

    [Fact]
    public async Task DismissDuplicates_IdempotencyKeyRepeated_ReplaysTheFirstResponse()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith" });
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, DismissalsPath, key, new { a = ann, b = annie });
        using var replay = await IdempotentRequest.PostAsync(client, DismissalsPath, key, new { a = ann, b = annie });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DismissDuplicates_SameCustomerTwiceOrNoIds_Returns400NamingTheField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });

        using var same = await client.PostAsJsonAsync(DismissalsPath, new { a = ann, b = ann });
        using var missing = await client.PostAsJsonAsync(DismissalsPath, new { });

        var sameProblem = await ProblemResponse.ReadAsync(same, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(sameProblem, "b"));
        var missingProblem = await ProblemResponse.ReadAsync(missing, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(missingProblem, "a"));
        Assert.NotEmpty(ProblemResponse.ErrorsFor(missingProblem, "b"));
    }

    [Fact]
    public async Task Duplicates_AnotherBusiness_SeesNoneOfItAndGets404ForItsIds()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" } });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith", emails = new[] { "ann@home.example" } });
        var strangersAnn = await RegisterAsync(stranger, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" } });
        await Scanner.ScanAsync(tenantId, CancellationToken.None);

        var own = await GetJsonAsync(client, DuplicatesOf(ann));
        var strangers = await GetJsonAsync(stranger, DuplicatesOf(strangersAnn));
        using var foreign = await stranger.GetAsync(DuplicatesOf(ann));
        using var foreignDismissal = await stranger.PostAsJsonAsync(DismissalsPath, new { a = ann, b = annie });
        var strangersList = await GetJsonAsync(stranger, DuplicatesPath);

        Assert.Equal(annie, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("b").GetProperty("id").GetGuid());
        Assert.Empty(strangers.GetProperty("items").EnumerateArray());
        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignDismissal, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(strangersList.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListDuplicates_BadCursorOrLimit_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{DuplicatesPath}?cursor=nonsense&limit=0");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "cursor"));
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "limit"));
    }

    private DuplicateScanner Scanner => fixture.Service.Services.GetRequiredService<DuplicateScanner>();

    private static object Address(string postalCode) => new { line1 = "1 Park Row", city = "Leeds", postalCode, country = "GB" };

    private static (Guid, Guid) Pair(Guid one, Guid other) => Customers.Domain.DuplicateScore.Pair(one, other);

    private static (Guid, Guid) Ids(JsonElement pair) => (pair.GetProperty("a").GetProperty("id").GetGuid(), pair.GetProperty("b").GetProperty("id").GetGuid());
}
