using System.Net;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class IdempotencyTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RegisterCustomer_ReplayedWithSameKey_ReturnsStoredResponseAndRegistersOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var request = new { displayName = "Dana", emails = new[] { "dana@example.com" } };
        using var first = await PostAsync(client, key, request);
        var firstBody = await first.Content.ReadAsStringAsync();

        using var replay = await PostAsync(client, key, request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("customers", tenantId));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task Pruner_ForgetsKeysOlderThanTheRetention_AndKeepsNewerOnes()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (oldKey, newKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        using (var old = await PostAsync(client, oldKey, new { displayName = "Olga" }))
        using (var recent = await PostAsync(client, newKey, new { displayName = "Nina" }))
        {
            Assert.Equal(HttpStatusCode.Created, old.StatusCode);
            Assert.Equal(HttpStatusCode.Created, recent.StatusCode);
        }

        var pruner = fixture.Service.Services.GetServices<IHostedService>().OfType<IdempotencyRecordPruner<CustomersDbContext>>().Single();
        await fixture.Database.ExecuteAsync(
            "UPDATE idempotency_records SET created_at = now() - @age WHERE key = @key",
            ("age", pruner.Retention + TimeSpan.FromMinutes(1)),
            ("key", oldKey));

        Assert.True(await pruner.PruneAsync(CancellationToken.None) >= 1);

        (string, object?)[] tenant = [("tenant", tenantId)];
        var kept = await fixture.Database.ScalarAsync<string[]>(
            "SELECT coalesce(array_agg(key), '{}') FROM idempotency_records WHERE tenant_id = @tenant", tenant);
        Assert.Equal([newKey], kept!);
        Assert.Equal(2L, await fixture.Database.CountForTenantAsync("customers", tenantId));
    }

    [Fact]
    public async Task RegisterCustomer_SameKeyWithDifferentBody_Returns422IdempotencyKeyReused()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, key, new { displayName = "Eve" });

        using var reused = await PostAsync(client, key, new { displayName = "Eve Other" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemResponse.ReadAsync(reused, (HttpStatusCode)422, "idempotency-key-reused");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("customers", tenantId));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task RegisterCustomer_SameKeyUsedByAnotherTenant_RegistersForEach()
    {
        var firstTenant = Guid.NewGuid();
        var secondTenant = Guid.NewGuid();
        using var firstClient = fixture.Service.CreateTenantClient(firstTenant);
        using var secondClient = fixture.Service.CreateTenantClient(secondTenant);
        var key = Guid.NewGuid().ToString();
        var request = new { displayName = "Fay" };
        using var first = await PostAsync(firstClient, key, request);

        using var second = await PostAsync(secondClient, key, request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("customers", firstTenant));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("customers", secondTenant));
    }

    [Fact]
    public async Task RegisterCustomer_ConcurrentRequestsWithSameKey_RegisterOneCustomer()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var request = new { displayName = "Gus", phones = new[] { "+14155550100" } };

        var responses = await Task.WhenAll(PostAsync(client, key, request), PostAsync(client, key, request));

        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
            var ids = await Task.WhenAll(responses.Select(async response =>
                (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid()));
            Assert.Equal(ids[0], ids[1]);
            Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
            Assert.Equal(1L, await fixture.Database.CountForTenantAsync("customers", tenantId));
            Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
            Assert.Equal(1L, await fixture.Database.CountForTenantAsync("idempotency_records", tenantId));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body) =>
        IdempotentRequest.PostAsync(client, CustomersApi.CustomersPath, key, body);
}
