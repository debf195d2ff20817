using System.Text.Json;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Paths and body reading the Feedback tests share.</summary>
internal static class FeedbackApi
{
    public const string FeedbackPath = "/api/v1/feedback";

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
