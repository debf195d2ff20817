using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Surveys to answer, and the requests the survey response tests share.</summary>
internal static class SurveyResponseApi
{
    public const string SurveysPath = "/api/v1/feedback/surveys";
    public const string ResponsesPath = "/api/v1/feedback/responses";
    public const string FeedbackReceivedExchange = "feedback.feedback-received.v1";

    public static string ResponsesOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/responses";

    /// <summary>Creates the survey and, unless told not to, publishes it as version 1.</summary>
    public static async Task<Guid> CreateSurveyAsync(HttpClient client, object survey, bool publish = true)
    {
        using var created = await client.PostAsJsonAsync(SurveysPath, survey);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var surveyId = (await FeedbackApi.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        if (publish)
        {
            using var published = await client.PostAsync($"{SurveysPath}/{surveyId}/publish", null);
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        return surveyId;
    }

    public static async Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid surveyId, object response) =>
        await client.PostAsJsonAsync(ResponsesOf(surveyId), response);

    /// <summary>Records the response and returns its id; fails unless the answer is 201.</summary>
    public static async Task<Guid> RecordCreatedAsync(HttpClient client, Guid surveyId, object response)
    {
        using var created = await RecordAsync(client, surveyId, response);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await FeedbackApi.ReadJsonAsync(created)).GetProperty("id").GetGuid();
    }

    public static HttpClient BranchClient(ServiceFactory<Program> service, Guid tenantId, string branch)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, InternalTokens.AllScopes, branch));
        return client;
    }

    /// <summary>A custom survey asking one question of every type; only the NPS question is required.</summary>
    public static object EveryTypeSurvey(string[]? branches = null, bool withNps = true)
    {
        var questions = new List<object>
        {
            Question("csat", "csat"),
            Question("ces", "ces"),
            new { key = "staff", type = "rating", min = 1, max = 10, text = Text("Staff?") },
            new { key = "visit", type = "singleChoice", text = Text("Why?"), options = Options("shop", "repair") },
            new { key = "liked", type = "multipleChoice", text = Text("Liked?"), options = Options("price", "staff", "speed") },
            Question("comment", "freeText"),
        };
        if (withNps)
        {
            questions.Insert(0, new { key = "nps", type = "nps", required = true, text = Text("Recommend us?") });
        }

        return new { name = "Every type", kind = "custom", defaultLanguage = "en-GB", branches, questions };
    }

    public static object Response(
        string branch = "central",
        Guid? customerId = null,
        int? version = null,
        string channel = "phone",
        object? answers = null,
        DateTimeOffset? answeredAt = null) => new
    {
        version,
        customerId,
        branch,
        channel,
        answeredAt,
        answers = answers ?? FullAnswers(),
    };

    public static Dictionary<string, object> FullAnswers(int nps = 9) => new()
    {
        ["nps"] = nps,
        ["csat"] = 4,
        ["ces"] = 2,
        ["staff"] = 8,
        ["visit"] = "repair",
        ["liked"] = new[] { "price", "speed" },
        ["comment"] = " Ann at the till was lovely ",
    };

    private static object Question(string key, string type) => new { key, type, text = Text(key + "?") };

    private static Dictionary<string, string> Text(string text) => new() { ["en-GB"] = text };

    private static object[] Options(params string[] keys) => [.. keys.Select(key => new { key, label = Text(key) })];
}
