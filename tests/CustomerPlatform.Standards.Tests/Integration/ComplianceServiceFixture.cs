using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// The Standards service with its overdue worker and gauge on short intervals, so a lapse is found within a test.
/// </summary>
public sealed class ComplianceServiceFixture() : ServiceFixture<Program>("standardsdb")
{
    public const string ItemsPath = "/api/v1/standards/compliance-items";
    public const string EvidencePath = "/api/v1/standards/reports/compliance-evidence";

    /// <summary>A valid item body, as a dictionary so a test can change any field before sending it.</summary>
    public static Dictionary<string, object?> Item(
        string title = "Refunds follow the Consumer Guarantees Act",
        string category = "consumerGuarantees",
        int? frequencyMonths = 12,
        DateTimeOffset? nextDueAt = null,
        string[]? branches = null) => new()
        {
            ["title"] = title,
            ["category"] = category,
            ["source"] = new Dictionary<string, object?>
            {
                ["name"] = "Consumer Guarantees Act 1993",
                ["section"] = "s 18",
                ["url"] = "https://www.legislation.govt.nz/act/public/1993/0091/latest/DLM311053.html",
            },
            ["owner"] = "Store manager",
            ["frequencyMonths"] = frequencyMonths,
            ["nextDueAt"] = nextDueAt,
            ["branches"] = branches,
            ["notes"] = "Check the refund script at the counter.",
        };

    public static object Check(DateTimeOffset checkedAt, string outcome = "pass", string description = "Refund script reviewed.", string[]? links = null, DateTimeOffset? nextDueAt = null) => new
    {
        checkedAt,
        checkedBy = "Pat",
        outcome,
        description,
        links = links ?? ["https://docs.example.com/evidence/1"],
        nextDueAt,
    };

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    /// <summary>Creates an item for the tenant and returns its body; fails unless the answer is 201.</summary>
    public async Task<JsonElement> CreateItemAsync(Guid tenantId, Dictionary<string, object?>? item = null)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.PostAsJsonAsync(ItemsPath, item ?? Item());
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>Records a check; fails unless the answer is 201.</summary>
    public async Task<JsonElement> RecordCheckAsync(Guid tenantId, Guid itemId, object check)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.PostAsJsonAsync($"{ItemsPath}/{itemId}/checks", check);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<ComplianceOptions>(options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.GaugeRefreshInterval = TimeSpan.FromMilliseconds(200);
        });
}
