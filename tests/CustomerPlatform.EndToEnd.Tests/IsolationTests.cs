using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// Tenant isolation and authentication, proven for every operation the services publish in their OpenAPI
/// documents: a new endpoint is covered by these tests the day it is added.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class IsolationTests(PlatformFixture platform)
{
    [Fact]
    public async Task EveryOperation_WithAnotherBusinessKey_LooksExactlyLikeAMissingId()
    {
        var resources = await CreateResourcesOfBusinessAAsync();
        var operations = (await ReadOperationsAsync()).Where(operation => operation.HasPathIds).ToList();
        var purchasesBefore = await CountPurchasesAsync(resources.CustomerId);
        Assert.NotEmpty(operations);

        foreach (var operation in operations)
        {
            var body = SampleBodies.Valid(operation);
            var ownPath = operation.PathWith(name => resources.IdFor(operation, name).ToString());
            var missingPath = operation.PathWith(_ => Guid.CreateVersion7().ToString());

            using var foreign = await platform.SendAsync(new HttpMethod(operation.Method), ownPath, platform.BusinessB, body);
            using var missing = await platform.SendAsync(new HttpMethod(operation.Method), missingPath, platform.BusinessB, body);

            Assert.False(foreign.IsSuccessStatusCode, $"{operation}: business B reached business A's resource ({foreign.StatusCode}).");
            Assert.Equal(missing.StatusCode, foreign.StatusCode);
            Assert.Equal(await ProblemTypeAsync(missing), await ProblemTypeAsync(foreign));
            if (!operation.IsWrite)
            {
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                using var own = await platform.SendAsync(HttpMethod.Get, ownPath, platform.BusinessA);
                Assert.True(own.StatusCode == HttpStatusCode.OK, $"{operation}: business A should read its own resource ({own.StatusCode}); the ids of this test are wrong.");
            }
        }

        Assert.Equal(purchasesBefore, await CountPurchasesAsync(resources.CustomerId));
    }

    [Fact]
    public async Task EveryOperation_ThroughTheGatewayWithoutAValidKey_Returns401Problem()
    {
        var operations = await ReadOperationsAsync();
        var unknownKey = $"cpk_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
        AuthenticationHeaderValue?[] credentials =
        [
            null,
            new("Bearer", "not-a-key"),
            new("Bearer", unknownKey),
            new("Bearer", platform.BusinessA.ApiKey + "x"),
            new("Basic", Convert.ToBase64String("a:b"u8)),
        ];

        foreach (var operation in operations)
        {
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(platform.Gateway.BaseAddress, operation.PathWith(_ => Guid.CreateVersion7().ToString())));
                request.Headers.Authorization = credential;
                if (SampleBodies.Valid(operation) is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await platform.Http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} with '{credential}': {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task EveryOperation_CalledStraightAtTheService_WithoutTheGatewaysToken_Returns401()
    {
        var operations = await ReadOperationsAsync();
        var foreignKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48));
        var forgedToken = InternalToken.Create(foreignKey, new InternalCaller(platform.BusinessA.Id, Guid.NewGuid(), InternalTokens.AllScopes), DateTimeOffset.UtcNow);
        AuthenticationHeaderValue?[] credentials =
        [
            null,
            new("Bearer", platform.BusinessA.ApiKey),
            new("Bearer", forgedToken),
        ];

        foreach (var operation in operations)
        {
            var service = platform.Services.Single(app => app.Name == operation.Service);
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(service.BaseAddress, operation.PathWith(_ => Guid.CreateVersion7().ToString())));
                request.Headers.Authorization = credential;
                request.Headers.Add("X-Tenant-Id", platform.BusinessA.Id.ToString());
                if (SampleBodies.Valid(operation) is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await platform.Http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} straight to {service.Name} with '{credential?.Scheme}': {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task ClientSentTenantAndBranchHeaders_ChangeNothing()
    {
        var resources = await CreateResourcesOfBusinessAAsync();
        var operations = (await ReadOperationsAsync()).Where(operation => operation.HasPathIds && !operation.IsWrite).ToList();

        foreach (var operation in operations)
        {
            using var request = platform.Request(HttpMethod.Get, operation.PathWith(name => resources.IdFor(operation, name).ToString()), platform.BusinessB);
            foreach (var header in new[] { "X-Tenant-Id", "Tenant-Id", "X-Business-Id", "tenant_id" })
            {
                request.Headers.TryAddWithoutValidation(header, platform.BusinessA.Id.ToString());
            }

            request.Headers.TryAddWithoutValidation("X-Branch", "central");

            using var response = await platform.Http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{operation}: {response.StatusCode}");
        }
    }

    private async Task<IReadOnlyList<OpenApiOperation>> ReadOperationsAsync()
    {
        var operations = new List<OpenApiOperation>();
        foreach (var service in platform.Services)
        {
            operations.AddRange(await OpenApiOperation.ReadAsync(platform.Http, service.BaseAddress, service.Name));
        }

        return operations;
    }

    private async Task<BusinessAResources> CreateResourcesOfBusinessAAsync()
    {
        using var customer = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", platform.BusinessA, new { displayName = "Isolated Ida" });
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var purchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", platform.BusinessA,
            new { branch = "central", amount = 10m, currency = "EUR" });
        var purchaseId = (await purchase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var feedback = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback", platform.BusinessA, new { customerId, branch = "central", rating = 8 });
        var feedbackId = (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Loyalty's account appears asynchronously; the isolation checks need it to exist for business A.
        await Eventually.AssertAsync(async () =>
        {
            using var account = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}", platform.BusinessA);
            return account.StatusCode == HttpStatusCode.OK;
        }, "Loyalty should open business A's account");
        return new BusinessAResources(customerId, purchaseId, feedbackId);
    }

    private async Task<long> CountPurchasesAsync(Guid customerId) =>
        await platform.Database("customersdb").ScalarAsync<long>("SELECT count(*) FROM purchases WHERE customer_id = @id", ("id", customerId));

    private static async Task<string?> ProblemTypeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    /// <summary>Business A's resources, by the path parameter names the documents use.</summary>
    private sealed record BusinessAResources(Guid CustomerId, Guid PurchaseId, Guid FeedbackId)
    {
        public Guid IdFor(OpenApiOperation operation, string parameter) => (operation.Service, parameter) switch
        {
            (_, "customerId") => CustomerId,
            (_, "purchaseId") => PurchaseId,
            ("customers", "id") => CustomerId,
            ("feedback", "id") => FeedbackId,
            // An id this test does not know yet: still proves "not reachable", though not against a real resource.
            _ => Guid.CreateVersion7(),
        };
    }
}
