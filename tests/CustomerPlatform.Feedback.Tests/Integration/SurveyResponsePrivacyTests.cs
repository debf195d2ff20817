using System.Net;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyResponsePrivacyTests(FeedbackPrivacyFixture fixture) : IClassFixture<FeedbackPrivacyFixture>
{
    [Fact]
    public async Task PersonalData_CustomerWithSurveyResponses_ListsThemNewestFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();
        var older = await RecordCreatedAsync(client, surveyId, Response(customerId: customerId, answeredAt: DateTimeOffset.UtcNow.AddMinutes(-2)));
        var newer = await RecordCreatedAsync(client, surveyId, Response(customerId: customerId));
        await RecordCreatedAsync(client, surveyId, Response(customerId: Guid.NewGuid()));

        using var response = await client.GetAsync(PersonalDataPath(customerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal([newer, older], body.GetProperty("surveyResponses").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task CustomerErasureRequested_ClearsTheirFreeTextAnswersAndKeepsScoresAndChoices()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();
        var erasedId = await RecordCreatedAsync(client, surveyId, Response(customerId: customerId));
        var keptId = await RecordCreatedAsync(client, surveyId, Response(customerId: Guid.NewGuid()));
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(new CustomerErasureRequested
        {
            TenantId = tenantId,
            ErasureId = Guid.NewGuid(),
            CustomerId = customerId,
            OccurredAt = DateTimeOffset.UtcNow,
        }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);

        var erased = await ReadAsync(client, erasedId);
        var answers = erased.GetProperty("answers").EnumerateArray().ToDictionary(answer => answer.GetProperty("key").GetString()!);
        Assert.False(answers["comment"].TryGetProperty("text", out _), erased.ToString());
        Assert.Equal(9, erased.GetProperty("nps").GetInt32());
        Assert.Equal(4, erased.GetProperty("csat").GetInt32());
        Assert.Equal(8, answers["staff"].GetProperty("score").GetInt32());
        Assert.Equal(["price", "speed"], answers["liked"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        var kept = (await ReadAsync(client, keptId)).GetProperty("answers").EnumerateArray().Single(answer => answer.GetProperty("key").GetString() == "comment");
        Assert.Equal("Ann at the till was lovely", kept.GetProperty("text").GetString());
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, Guid responseId)
    {
        using var response = await client.GetAsync($"{ResponsesPath}/{responseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FeedbackApi.ReadJsonAsync(response);
    }

    private static string PersonalDataPath(Guid customerId) => $"/api/v1/feedback/personal-data/{customerId}";
}
