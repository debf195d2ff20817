using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Standards.Features.ServicePeriods;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>The Standards service with the period-close worker polling every 200 ms, so a due period closes within a test.</summary>
public sealed class ServicePeriodServiceFixture()
    : ConsumingServiceFixture<Program>("standardsdb", StandardsServiceFixture.FeedbackReceivedQueue, "standards-branch-registered", "standards-branch-updated", "standards-branch-closed", "standards-customer-erasure-requested")
{
    public const string SettingsPath = "/api/v1/standards/service-period-settings";
    public const string PeriodsPath = "/api/v1/standards/service-periods";
    public const string ClosedExchange = "standards.service-period-closed.v1";

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    /// <summary>Chooses the tenant's periods for the first time; fails unless the answer is 200.</summary>
    public async Task<string> SetPeriodsAsync(Guid tenantId, string length, string firstPeriodStart, int closeAfterHours)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.PutAsJsonAsync(SettingsPath, new { length, firstPeriodStart, closeAfterHours });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    /// <summary>Creates an all-branches NPS standard: at least 40, at risk under 50.</summary>
    public async Task<Guid> CreateNpsStandardAsync(Guid tenantId)
    {
        using var client = Service.CreateTenantClient(tenantId);
        var (id, _) = await ServiceStandardsApiTests.CreateAsync(
            client, new { name = "NPS at least 40", metric = "nps", comparator = "atLeast", target = 40, warningThreshold = 50 });
        return id;
    }

    /// <summary>Publishes each rating as Feedback would, and waits until every one is counted.</summary>
    public async Task RecordAsync(Guid tenantId, string branch, DateTimeOffset occurredAt, params int[] ratings)
    {
        var messageIds = ratings.Select(_ => Guid.NewGuid()).ToArray();
        await Task.WhenAll(ratings.Select((rating, i) => PublishAsync<FeedbackReceived>(StandardsServiceFixture.Feedback(tenantId, branch, rating, occurredAt), messageIds[i])));
        foreach (var messageId in messageIds)
        {
            await WaitUntilConsumedAsync(messageId);
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ServicePeriodOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(200));
    }
}
