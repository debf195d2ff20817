using System.Net;
using System.Text.Json;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Trigger settings and invitation lists, as the trigger tests use them.</summary>
internal static class SurveyTriggerApi
{
    public static string TriggersOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/triggers";

    public static string InvitationsOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/invitations";

    public static string ScheduledOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/scheduled-invitations";

    public static object Trigger(
        string on = "purchase", int? delay = 0, double? samplingRate = null, int? quietPeriodDays = 0, string[]? channels = null, string[]? branches = null, bool? enabled = null) =>
        new { on, delay, samplingRate, quietPeriodDays, channels = channels ?? ["email"], branches, enabled };

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid surveyId, string? ifMatch, params object[] triggers) =>
        ComplaintsClient.SendAsync(client, HttpMethod.Put, TriggersOf(surveyId), new { triggers }, ifMatch);

    /// <summary>Sets the survey's first triggers and returns their ETag.</summary>
    public static async Task<string> SetAsync(HttpClient client, Guid surveyId, params object[] triggers)
    {
        using var response = await PutAsync(client, surveyId, null, triggers);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    public static async Task<JsonElement[]> ListAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await FeedbackApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray()];
    }

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, Guid surveyId, string json) =>
        client.PutAsync(new Uri(TriggersOf(surveyId), UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, Guid surveyId) => client.GetAsync(new Uri(TriggersOf(surveyId), UriKind.Relative));
}
