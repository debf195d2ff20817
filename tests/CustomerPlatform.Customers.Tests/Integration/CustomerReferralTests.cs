using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>Who referred a customer, and the birthday (month and day, never the year) the events carry for Loyalty.</summary>
[Trait("Category", "Integration")]
public sealed class CustomerReferralTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RegisterCustomer_ReferredByACustomerOfTheBusiness_StoresItAndPublishesReferrerAndBirthdayWithoutTheYear()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var referrerId = await CustomersApi.RegisterAsync(client, "Rita Referrer");
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-registered.v1");

        using var response = await client.PostAsJsonAsync(
            CustomersApi.CustomersPath, new { displayName = "Nina New", dateOfBirth = "1988-02-29", referredByCustomerId = referrerId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal(referrerId, body.GetProperty("referredByCustomerId").GetGuid());
        var id = body.GetProperty("id").GetGuid();
        var registered = await probe.WaitForAsync(e => e.GetGuid("customerId") == id, "CustomerRegistered should be published");
        Assert.Equal(referrerId, registered.GetGuid("referredByCustomerId"));
        Assert.Equal("02-29", registered.GetString("birthday"));
        Assert.DoesNotContain("1988-", registered.Message.ToString(), StringComparison.Ordinal);
        Assert.False(registered.Message.TryGetProperty("dateOfBirth", out _), "the year stays out of events");
        using var get = await client.GetAsync(new Uri($"{CustomersApi.CustomersPath}/{id}", UriKind.Relative));
        var read = await CustomersApi.ReadJsonAsync(get);
        Assert.Equal(referrerId, read.GetProperty("referredByCustomerId").GetGuid());
    }

    [Fact]
    public async Task RegisterCustomer_ReferredByAnUnknownAnotherBusinessesOrAnErasedCustomer_Returns400NamingTheFieldAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var foreignId = await CustomersApi.RegisterAsync(other, "Olga Other");
        var erasedId = await CustomersApi.RegisterAsync(client, "Ernie Erased");
        using var erasure = await client.PostAsync(new Uri($"{CustomersApi.CustomersPath}/{erasedId}/erasure", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);

        foreach (var referrer in new[] { Guid.NewGuid(), foreignId, erasedId })
        {
            using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName = "Nina New", referredByCustomerId = referrer });

            var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
            Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "referredByCustomerId"));
        }

        Assert.Equal(1, await fixture.Database.CountForTenantAsync("customers", tenantId));
    }

    [Fact]
    public async Task UpdateCustomer_DateOfBirthChanged_PublishesTheNewBirthdayWithoutTheYear()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var created = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName = "Bea Born", dateOfBirth = "1970-01-02" });
        var id = (await CustomersApi.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-updated.v1");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{CustomersApi.CustomersPath}/{id}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { displayName = "Bea Born", dateOfBirth = "1970-12-31" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await probe.WaitForAsync(e => e.GetGuid("customerId") == id, "CustomerUpdated should be published");
        Assert.Equal("12-31", updated.GetString("birthday"));
        Assert.Contains("dateOfBirth", updated.Message.GetProperty("changed").EnumerateArray().Select(field => field.GetString()));
        Assert.DoesNotContain("1970-", updated.Message.ToString(), StringComparison.Ordinal);
        Assert.False(updated.Message.TryGetProperty("dateOfBirth", out _), "the year stays out of events");
    }
}
