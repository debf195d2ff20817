using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class BusinessesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Uri BusinessesPath = new("/api/v1/businesses", UriKind.Relative);

    [Fact]
    public async Task CreateBusiness_WithoutOperatorKey_Returns401ProblemAndCreatesNothing()
    {
        var name = $"Anonymous {Guid.NewGuid():N}";
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(BusinessesPath, new { name });

        await AssertUnauthorizedProblemAsync(response);
        Assert.Equal(0, await CountBusinessesNamedAsync(name));
    }

    [Theory]
    [InlineData("Bearer", "not-the-operator-key")]
    [InlineData("Bearer", GatewayFixture.OperatorKey + "x")]
    [InlineData("Bearer", "OPERATOR-KEY-FOR-GATEWAY-TESTS")]
    [InlineData("Basic", GatewayFixture.OperatorKey)]
    public async Task CreateBusiness_WithWrongOperatorKey_Returns401ProblemAndCreatesNothing(string scheme, string credentials)
    {
        var name = $"Impostor {Guid.NewGuid():N}";
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, credentials);

        using var response = await client.PostAsJsonAsync(BusinessesPath, new { name });

        await AssertUnauthorizedProblemAsync(response);
        Assert.Equal(0, await CountBusinessesNamedAsync(name));
    }

    [Fact]
    public async Task CreateBusiness_WithABusinessApiKey_Returns401Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", business.ApiKey.Key);

        using var response = await client.PostAsJsonAsync(BusinessesPath, new { name = "Sub-business" });

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task CreateBusiness_WithOperatorKey_Returns201WithOwnerKey()
    {
        using var client = OperatorClient();

        using var response = await client.PostAsJsonAsync(BusinessesPath, new { name = "  Acme Coffee  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var business = await response.Content.ReadFromJsonAsync<CreatedBusiness>();
        Assert.NotNull(business);
        Assert.NotEqual(Guid.Empty, business.BusinessId);
        Assert.Equal("Acme Coffee", business.Name);
        Assert.Equal($"/api/v1/businesses/{business.BusinessId}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("cpk_", business.ApiKey.Key, StringComparison.Ordinal);
        Assert.Equal(Scopes.All, business.ApiKey.Scopes);
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Acme Coffee", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateBusiness_WithOperatorKey_StoresOnlyAHashOfTheKey()
    {
        var business = await fixture.CreateBusinessAsync();
        var plainText = business.ApiKey.Key;
        var secret = plainText[(plainText.LastIndexOf('_') + 1)..];

        var rowsWithKey = await fixture.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM (
                SELECT row_to_json(k)::text AS r FROM api_keys k
                UNION ALL SELECT row_to_json(b)::text FROM businesses b) all_rows
            WHERE strpos(r, @key) > 0 OR strpos(r, @secret) > 0
            """,
            ("key", plainText),
            ("secret", secret));
        var storedHashMatches = await fixture.Database.ScalarAsync<bool>(
            "SELECT secret_hash = sha256(convert_to(@key, 'UTF8')) FROM api_keys WHERE id = @id",
            ("key", plainText),
            ("id", business.ApiKey.Id));

        Assert.Equal(0, rowsWithKey);
        Assert.True(storedHashMatches, "the stored secret_hash should be the SHA-256 of the key");
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{}""")]
    public async Task CreateBusiness_WithoutName_Returns400WithNameError(string body)
    {
        using var client = OperatorClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(BusinessesPath, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), $"errors should name the field: {problem}");
    }

    [Fact]
    public async Task CreateBusiness_WithOverlongName_Returns400()
    {
        using var client = OperatorClient();

        using var response = await client.PostAsJsonAsync(BusinessesPath, new { name = new string('n', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Migrations_AppliedToFreshDatabase_CoverTheModel()
    {
        await using var scope = fixture.Gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Empty(pending);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration covers");
    }

    private HttpClient OperatorClient()
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayFixture.OperatorKey);
        return client;
    }

    private Task<long> CountBusinessesNamedAsync(string name) =>
        fixture.Database.ScalarAsync<long>("SELECT count(*) FROM businesses WHERE name = @name", ("name", name));

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:unauthorized", problem.GetProperty("type").GetString());
    }
}
