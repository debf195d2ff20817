using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Compensation requests the tests share: a business's limits, offering and deciding.</summary>
internal static class CompensationClient
{
    public const string LimitsPath = "/api/v1/feedback/compensation-limits";
    public const string ApprovedExchange = "feedback.compensation-approved.v1";

    public static object Limits(string currency = "EUR") => new
    {
        currency,
        roles = new object[]
        {
            new { role = "staff", rank = 1, limits = new { refund = 20m, creditNote = 30m, replacement = 40m, loyaltyPoints = 500 } },
            new { role = "supervisor", rank = 2, limits = new { refund = 100m, creditNote = 150m, replacement = 200m, loyaltyPoints = 2000 } },
            new { role = "manager", rank = 3, limits = new { refund = 500m, creditNote = 500m, replacement = 1000m, loyaltyPoints = 10000 } },
        },
    };

    public static async Task SetLimitsAsync(HttpClient client)
    {
        using var response = await client.PutAsJsonAsync(LimitsPath, Limits());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static string CompensationsPath(Guid complaintId) => $"{ComplaintsClient.ComplaintsPath}/{complaintId}/compensations";

    public static object Offer(string type = "refund", decimal amount = 15m, string? currency = "EUR", string role = "staff") =>
        new { type, amount, currency, reason = "Charged twice for one haircut", offeredBy = "Sam", role };

    /// <summary>Sets the limits, opens a case and returns its id.</summary>
    public static async Task<Guid> OpenCaseAsync(HttpClient client, Guid? customerId = null, string branch = "central")
    {
        await SetLimitsAsync(client);
        var (complaint, _) = await ComplaintsClient.OpenAsync(client, ComplaintsClient.Body(customerId, branch));
        return complaint.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> OfferAsync(HttpClient client, Guid complaintId, object body)
    {
        using var response = await client.PostAsJsonAsync(CompensationsPath(complaintId), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await FeedbackApi.ReadJsonAsync(response);
    }
}
