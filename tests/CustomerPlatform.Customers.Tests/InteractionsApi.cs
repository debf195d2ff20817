using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Recording interactions to have some, as the interaction, follow-up and report tests all need.</summary>
internal static class InteractionsApi
{
    public const string FollowUpsPath = "/api/v1/customers/follow-ups";
    public const string NeedsReportPath = "/api/v1/customers/reports/needs";

    public static string InteractionsPath(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/interactions";

    public static string CompletePath(Guid customerId, Guid interactionId) =>
        $"{InteractionsPath(customerId)}/{interactionId}/follow-up/complete";

    /// <summary>A valid request body; pass an anonymous object of overrides through <see cref="With"/> for others.</summary>
    public static Dictionary<string, object?> Body(
        string branch = "north",
        string channel = "phone",
        string purpose = "enquiry",
        string[]? topics = null,
        DateTimeOffset? occurredAt = null,
        DateTimeOffset? followUpDueAt = null,
        string? staffMember = "Bea") =>
        new()
        {
            ["channel"] = channel,
            ["purpose"] = purpose,
            ["topics"] = topics ?? ["pricing"],
            ["summary"] = "Asked about prices.",
            ["staffMember"] = staffMember,
            ["branch"] = branch,
            ["occurredAt"] = occurredAt,
            ["followUpDueAt"] = followUpDueAt,
        };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string property, object? value)
    {
        body[property] = value;
        return body;
    }

    public static async Task<JsonElement> RecordAsync(HttpClient client, Guid customerId, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsJsonAsync(InteractionsPath(customerId), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Recording failed with {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<Guid> RecordIdAsync(HttpClient client, Guid customerId, Dictionary<string, object?> body) =>
        (await RecordAsync(client, customerId, body)).GetProperty("id").GetGuid();

    public static Guid[] Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
}
