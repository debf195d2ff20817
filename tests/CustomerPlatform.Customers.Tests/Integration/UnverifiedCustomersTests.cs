using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Customers.Tests.DataCurrencyApi;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class UnverifiedCustomersTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task Settings_UntilChanged_AreTwelveMonthsAndAnUpdateNeedsTheCurrentETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var defaults = await GetJsonAsync(client, SettingsPath);
        var etag = await ETagAsync(client, SettingsPath);

        using var missing = await PutAsync(client, new { verificationMonths = 6 }, ifMatch: null);
        using var updated = await PutAsync(client, new { verificationMonths = 6 }, etag);
        using var stale = await PutAsync(client, new { verificationMonths = 9 }, etag);

        Assert.Equal(12, defaults.GetProperty("verificationMonths").GetInt32());
        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(6, (await GetJsonAsync(client, SettingsPath)).GetProperty("verificationMonths").GetInt32());
        Assert.Equal(12, (await GetJsonAsync(stranger, SettingsPath)).GetProperty("verificationMonths").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(null)]
    public async Task Settings_MonthsOutOfRange_Returns400(int? months)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await PutAsync(client, new { verificationMonths = months }, EntityTagHeaderValue.Any);

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), "verificationMonths");
    }

    [Fact]
    public async Task ListUnverified_OlderThanTheSetting_OldestFirstInPagesLeavingOutArchivedAndOtherBusinesses()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var thirty = await RegisterVerifiedAsync(client, "Thirty", monthsAgo: 30);
        var eighteen = await RegisterVerifiedAsync(client, "Eighteen", monthsAgo: 18);
        var twentyFour = await RegisterVerifiedAsync(client, "Twenty-four", monthsAgo: 24);
        var thirteen = await RegisterVerifiedAsync(client, "Thirteen", monthsAgo: 13);
        await RegisterVerifiedAsync(client, "Six", monthsAgo: 6);
        var archived = await RegisterVerifiedAsync(client, "Archived", monthsAgo: 40);
        await RegisterVerifiedAsync(stranger, "Stranger", monthsAgo: 40);
        using (var archive = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{archived}/archive", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        var first = await GetJsonAsync(client, $"{UnverifiedPath}?limit=2");
        var second = await GetJsonAsync(client, $"{UnverifiedPath}?limit=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");

        Assert.Equal([thirty, twentyFour], Ids(first));
        Assert.Equal([eighteen, thirteen], Ids(second));
        Assert.True(PurchaseHistoryApi.IsLastPage(second));
    }

    [Fact]
    public async Task ListUnverified_MonthsGivenOrSettingChanged_UsesThatAge()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var old = await RegisterVerifiedAsync(client, "Old", monthsAgo: 30);
        var recent = await RegisterVerifiedAsync(client, "Recent", monthsAgo: 4);

        var byParameter = await GetJsonAsync(client, $"{UnverifiedPath}?months=24");
        using (var set = await PutAsync(client, new { verificationMonths = 3 }, await ETagAsync(client, SettingsPath)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var bySetting = await GetJsonAsync(client, UnverifiedPath);

        Assert.Equal([old], Ids(byParameter));
        Assert.Equal([old, recent], Ids(bySetting));
    }

    [Fact]
    public async Task ListUnverified_BadMonthsOrCursor_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{UnverifiedPath}?months=0&cursor=abc");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "months");
        ProblemResponse.ErrorsFor(problem, "cursor");
    }

    private async Task<Guid> RegisterVerifiedAsync(HttpClient client, string name, int monthsAgo)
    {
        var id = await RegisterAsync(client, new { displayName = name });
        await fixture.Database.ExecuteAsync(
            "UPDATE customers SET verified_at = @at WHERE id = @id", ("at", DateTimeOffset.UtcNow.AddMonths(-monthsAgo)), ("id", id));
        return id;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, object body, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, SettingsPath) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static Guid[] Ids(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
}
