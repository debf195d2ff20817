using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// The survey loop across services, through the gateway: a customer who consented at sign-up buys, Customers'
/// PurchaseRecorded meets the survey's trigger in Feedback, the worker invites them, they answer on the public page,
/// and the answer is in Feedback's API and on the customer's timeline in Customers.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class SurveyLoopTests(PlatformFixture platform)
{
    [Fact]
    public async Task Purchase_OfACustomerWhoConsented_IsInvitedByTheTrigger_AndTheirAnswerReachesTheApiAndTheTimeline()
    {
        var business = await platform.CreateBusinessAsync("Survey loop bakery");
        var surveyId = await PublishedSurveyAsync(business);
        using (var triggers = await platform.SendAsync(HttpMethod.Put, $"/api/v1/feedback/surveys/{surveyId}/triggers", business,
            new { triggers = new[] { new { on = "purchase", delay = 0, channels = new[] { "email" } } } }))
        {
            Assert.True(triggers.IsSuccessStatusCode, await triggers.Content.ReadAsStringAsync());
        }

        var customerId = await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", business, new
        {
            displayName = "Looped Lou",
            emails = new[] { $"lou.{Guid.NewGuid():N}@example.com" },
            consents = new[] { new { channel = "email", granted = true } },
        }));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", business,
            new { branch = "central", amount = 12.5m, currency = "EUR" }));

        var invitation = await Eventually.GetAsync(async () =>
        {
            using var list = await platform.SendAsync(HttpMethod.Get, $"/api/v1/feedback/surveys/{surveyId}/invitations?customerId={customerId}", business);
            var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            return items.GetArrayLength() == 1 ? (JsonElement?)items[0] : null;
        }, "the purchase trigger should invite the customer", TimeSpan.FromSeconds(60));
        Assert.Equal("purchase", invitation!.Value.GetProperty("reason").GetString());
        var link = new Uri(platform.Gateway.BaseAddress, invitation.Value.GetProperty("url").GetString());
        using var page = await noRedirects.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        using var answer = new FormUrlEncodedContent([new("nps", "3"), new("comment", "The queue was long")]);
        using var submitted = await noRedirects.PostAsync(link, answer);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);

        using var responses = await platform.SendAsync(HttpMethod.Get, $"/api/v1/feedback/surveys/{surveyId}/responses", business);
        var response = Assert.Single((await responses.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        Assert.Equal(customerId, response.GetProperty("customerId").GetGuid());
        Assert.Equal("web", response.GetProperty("channel").GetString());
        Assert.Equal(3, response.GetProperty("nps").GetInt32());
        await Eventually.AssertAsync(async () =>
        {
            using var timeline = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{customerId}/timeline", business);
            return (await timeline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Any(item => item.GetProperty("type").GetString() == "feedback"
                    && item.GetProperty("details").GetProperty("sourceId").GetGuid() == response.GetProperty("id").GetGuid());
        }, "the answer should reach the customer's timeline");
    }

    private async Task<Guid> PublishedSurveyAsync(Business business)
    {
        var surveyId = await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/surveys", business, new
        {
            name = "After a purchase",
            kind = "nps",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = new Dictionary<string, string> { ["en-GB"] = "Would you recommend us?" } },
                new { key = "comment", type = "freeText", text = new Dictionary<string, string> { ["en-GB"] = "Anything else?" } },
            },
        }));
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/publish", business);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        return surveyId;
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
