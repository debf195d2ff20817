using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SearchCustomersTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Theory]
    [InlineData("Jonh Smith")]
    [InlineData("smith")]
    [InlineData("JOHN")]
    public async Task Search_ByNameWithTyposOrParts_FindsTheCustomerFirst(string query)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var john = await RegisterAsync(client, new { givenName = "John", familyName = "Smith" });
        await RegisterAsync(client, new { displayName = "Mary Jones" });
        await RegisterAsync(client, new { displayName = "Peter Parker" });

        var page = await SearchAsync(client, $"q={Uri.EscapeDataString(query)}");

        var items = Items(page);
        Assert.NotEmpty(items);
        Assert.Equal(john, items[0].GetProperty("id").GetGuid());
        Assert.DoesNotContain(items, item => item.GetProperty("displayName").GetString() == "Peter Parker");
        Assert.True(items[0].GetProperty("score").GetSingle() > 0);
    }

    [Fact]
    public async Task Search_ByEmailAndPhoneInAnyFormat_FindsTheCustomerWhicheverAddressIsUsed()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await RegisterAsync(client, new { displayName = "Kai", emails = new[] { "kai@home.example", "kai@work.example" }, phones = new[] { "+44 20 7946 0001" } });
        await RegisterAsync(client, new { displayName = "Lee", emails = new[] { "lee@home.example" } });

        var byEmail = Items(await SearchAsync(client, "email=KAI%40Work.Example"));
        var byPhone = Items(await SearchAsync(client, "phone=0044%20(20)%207946-0001"));

        Assert.Equal(id, Assert.Single(byEmail).GetProperty("id").GetGuid());
        Assert.Equal(id, Assert.Single(byPhone).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Search_WithCombinedFilters_ReturnsOnlyCustomersMatchingAll()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var match = await RegisterAsync(client, new { displayName = "Match", tags = new[] { "vip", "wine" }, homeBranch = "north", rating = 5 });
        await RegisterAsync(client, new { displayName = "Wrong branch", tags = new[] { "vip", "wine" }, homeBranch = "south", rating = 5 });
        await RegisterAsync(client, new { displayName = "Missing tag", tags = new[] { "vip" }, homeBranch = "north", rating = 5 });
        await RegisterAsync(client, new { displayName = "Low rating", tags = new[] { "vip", "wine" }, homeBranch = "north", rating = 2 });
        await RegisterAsync(client, new { kind = "business", companyName = "Business", tags = new[] { "vip", "wine" }, homeBranch = "north", rating = 5 });

        var items = Items(await SearchAsync(client, "tag=VIP&tag=wine&branch=north&branch=east&minRating=4&status=prospect&kind=individual"));

        Assert.Equal(match, Assert.Single(items).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Search_LeavesArchivedCustomersOutUnlessAsked()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await RegisterAsync(client, new { displayName = "Gone Away" });
        using var archived = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/archive", new { });
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        var without = Items(await SearchAsync(client, "q=gone"));
        var with = Items(await SearchAsync(client, "q=gone&includeArchived=true"));

        Assert.Empty(without);
        Assert.Equal(id, Assert.Single(with).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("sort=recency")]
    [InlineData("sort=name")]
    [InlineData("q=customer&sort=relevance")]
    public async Task Search_PagedWithCursors_VisitsEveryCustomerOnceInOrder(string query)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ids = new HashSet<Guid>();
        foreach (var name in new[] { "Customer Ann", "Customer Bea", "Customer Cal", "Customer Dot", "Customer Eve", "Customers Fay", "Custom Gus" })
        {
            ids.Add(await RegisterAsync(client, new { displayName = name }));
        }

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(client, $"{query}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Items(page));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Select(item => item.GetProperty("id").GetGuid()).Order());
        var names = seen.Select(item => item.GetProperty("displayName").GetString()!).ToList();
        if (query == "sort=name")
        {
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
        }
        else if (query == "sort=recency")
        {
            Assert.Equal(seen.Select(item => item.GetProperty("registeredAt").GetDateTimeOffset()).OrderDescending(), seen.Select(item => item.GetProperty("registeredAt").GetDateTimeOffset()));
        }
        else
        {
            var scores = seen.Select(item => item.GetProperty("score").GetSingle()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherTenantsCustomers()
    {
        using var mine = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var theirs = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await RegisterAsync(theirs, new { displayName = "Secret Person", emails = new[] { "secret@example.com" }, tags = new[] { "secret" } });

        var byName = Items(await SearchAsync(mine, "q=Secret%20Person"));
        var byEmail = Items(await SearchAsync(mine, "email=secret%40example.com"));
        var all = Items(await SearchAsync(mine, "tag=secret"));

        Assert.Empty(byName);
        Assert.Empty(byEmail);
        Assert.Empty(all);
    }

    [Theory]
    [InlineData("q=ab", "q")]
    [InlineData("email=nope", "email")]
    [InlineData("phone=020%207946%200958", "phone")]
    [InlineData("status=gone", "status")]
    [InlineData("kind=robot", "kind")]
    [InlineData("minRating=0", "minRating")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("sort=sideways", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Search_WithBadParameter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}?{query}");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), field);
    }

    [Fact]
    public async Task Search_WithACursorFromAnotherSortOrder_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await RegisterAsync(client, new { displayName = "Name One" });
        await RegisterAsync(client, new { displayName = "Name Two" });
        var cursor = (await SearchAsync(client, "sort=name&limit=1")).GetProperty("nextCursor").GetString();

        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}?q=name&cursor={cursor}");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), "cursor");
    }

    [Fact]
    public async Task Search_AfterARenameAndAnErasure_FindsTheNewNameAndKeepsNoWordOfTheOldOnes()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var renamed = await RegisterAsync(client, new { givenName = "Ann", familyName = "Quarterman" });
        var erased = await RegisterAsync(client, new { givenName = "Bea", familyName = "Wolstenholme" });
        await RegisterAsync(client, new { givenName = "Ann", familyName = "Other" });
        using var read = await client.GetAsync($"{CustomersApi.CustomersPath}/{renamed}");
        using var rename = new HttpRequestMessage(HttpMethod.Put, $"{CustomersApi.CustomersPath}/{renamed}")
        {
            Content = JsonContent.Create(new { givenName = "Ann", familyName = "Smith" }),
        };
        rename.Headers.IfMatch.Add(read.Headers.ETag!);
        using var renameResponse = await client.SendAsync(rename);
        using var erasure = await client.PostAsync($"{CustomersApi.CustomersPath}/{erased}/erasure", null);

        Assert.Equal(HttpStatusCode.OK, renameResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);
        Assert.Equal(renamed, Assert.Single(Items(await SearchAsync(client, "q=Ann%20Smiht"))).GetProperty("id").GetGuid());
        Assert.Empty(Items(await SearchAsync(client, "q=Quartermann")));
        Assert.Empty(Items(await SearchAsync(client, "q=Wolstenholm")));
        // The dictionary of name words holds the names as they are now: an erased or changed name leaves no word behind.
        var words = await fixture.Database.ScalarAsync<string[]>(
            "SELECT array_agg(term ORDER BY term) FROM customer_name_terms WHERE tenant_id = @tenant", ("tenant", tenantId));
        Assert.Equal(["ann", "customer", "erased", "other", "smith"], words ?? []);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await CustomersApi.ReadJsonAsync(response);
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
