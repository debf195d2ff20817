using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// Four monthly service periods through the real gateway: an NPS standard on one branch passes, fails, then passes
/// again; the failure opens a review, the review's outcome is a new version of the policy the standard measures, and
/// the review is communicated once the branch's staff acknowledge that version.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class ServicePeriodsFlowTests(PlatformFixture platform)
{
    private const string Branch = "north";

    [Fact]
    public async Task FourPeriods_FailingStandard_ReviewNewPolicyVersionAndAcknowledgements()
    {
        // Its own business: period settings and standards are business-wide.
        var business = await platform.CreateBusinessAsync("Periods bakery");
        var thisMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        DateOnly[] months = [thisMonth.AddMonths(-4), thisMonth.AddMonths(-3), thisMonth.AddMonths(-2), thisMonth.AddMonths(-1)];
        var failingMonth = months[1];

        var policyId = await CreatePublishedPolicyAsync(business);
        var staff = new[] { await RegisterStaffAsync(business, "N-1"), await RegisterStaffAsync(business, "N-2") };
        var standardId = await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/service-standards", business, new
        {
            name = "North is recommended",
            metric = "nps",
            comparator = "atLeast",
            target = 30,
            warningThreshold = 40,
            branches = new[] { Branch },
            policy = new { policyId, clauseKey = "recommend" },
        }));

        // Paper cards of the four past months, imported: ten a month; the second month mostly detractors.
        var surveyId = await PublishedSurveyAsync(business);
        foreach (var month in months)
        {
            var scores = month == failingMonth ? [10, 10, 3, 3, 3, 3, 3, 3, 3, 3] : new[] { 10, 10, 10, 10, 10, 10, 10, 10, 8, 8 };
            using var imported = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/responses/import", business, new
            {
                rows = scores.Select(nps => new
                {
                    branch = Branch,
                    channel = "letter",
                    answeredAt = new DateTimeOffset(month.AddDays(9).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                    answers = new { nps },
                }),
            });
            Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        foreach (var month in months)
        {
            await Eventually.AssertAsync(
                async () => (await GetAsync(business, $"/api/v1/standards/scorecard?branch={Branch}&period={month:yyyy-MM}")).GetProperty("responses").GetInt32() == 10,
                $"Standards should count the ten responses of {month:yyyy-MM}");
        }

        using (var settings = await platform.SendAsync(HttpMethod.Put, "/api/v1/standards/service-period-settings", business,
            new { length = "month", firstPeriodStart = months[0], closeAfterHours = 1 }))
        {
            Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        }

        // First period passes; the second fails, naming the branch, and opens a review.
        var first = await CloseAsync(business, months[0]);
        var second = await CloseAsync(business, months[1]);
        var passed = ResultOf(first, standardId);
        var failed = ResultOf(second, standardId);
        Assert.Equal(("met", false, 80m), (passed.GetProperty("outcome").GetString(), passed.GetProperty("failed").GetBoolean(), passed.GetProperty("actual").GetDecimal()));
        Assert.Equal(("breached", true, -60m), (failed.GetProperty("outcome").GetString(), failed.GetProperty("failed").GetBoolean(), failed.GetProperty("actual").GetDecimal()));
        Assert.Equal(80m, failed.GetProperty("previousActual").GetDecimal());

        var reviewId = await Eventually.GetAsync(
            async () => (await GetAsync(business, $"/api/v1/standards/reviews?branch={Branch}")).GetProperty("items").EnumerateArray()
                .Where(item => item.GetProperty("standardId").GetGuid() == standardId)
                .Select(item => item.GetProperty("id").GetGuid())
                .FirstOrDefault(),
            "closing a failed period should open a review of the standard");
        var review = await GetAsync(business, $"/api/v1/standards/reviews/{reviewId}");
        Assert.Equal(("open", failingMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), -60m),
            (review.GetProperty("status").GetString(), review.GetProperty("periodStart").GetString(), review.GetProperty("actual").GetDecimal()));

        // The review: an owner, then a new version of the policy as its outcome.
        var etag = await ETagOfAsync(business, $"/api/v1/standards/reviews/{reviewId}");
        using (var patched = await SendWithIfMatchAsync(HttpMethod.Patch, $"/api/v1/standards/reviews/{reviewId}", business, etag,
            new { owner = "Area manager", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), notes = "Queues at lunch; add a second till." }))
        {
            Assert.True(patched.StatusCode == HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        }

        var newVersion = await PublishNewVersionAsync(business, policyId);
        etag = await ETagOfAsync(business, $"/api/v1/standards/reviews/{reviewId}");
        using (var outcome = await SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/standards/reviews/{reviewId}/outcome", business, etag,
            new { kind = "policyVersion", policyId, policyVersion = newVersion }))
        {
            Assert.True(outcome.StatusCode == HttpStatusCode.OK, await outcome.Content.ReadAsStringAsync());
        }

        var changed = await GetAsync(business, $"/api/v1/standards/reviews/{reviewId}");
        Assert.Equal("changed", changed.GetProperty("status").GetString());
        Assert.Equal((2, 0), (changed.GetProperty("communication").GetProperty("tasks").GetInt32(), changed.GetProperty("communication").GetProperty("acknowledged").GetInt32()));

        foreach (var staffId in staff)
        {
            using var acknowledged = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions/{newVersion}/acknowledgements", business, new { staffId });
            Assert.True(acknowledged.IsSuccessStatusCode, await acknowledged.Content.ReadAsStringAsync());
        }

        await Eventually.AssertAsync(
            async () => (await GetAsync(business, $"/api/v1/standards/reviews/{reviewId}")).GetProperty("status").GetString() == "communicated",
            "the review should be communicated once the branch's staff acknowledged the new version");

        // The next two periods pass again, and the four compare side by side.
        var third = ResultOf(await CloseAsync(business, months[2]), standardId);
        await CloseAsync(business, months[3]);
        Assert.Equal(("met", -60m, 140m), (third.GetProperty("outcome").GetString(), third.GetProperty("previousActual").GetDecimal(), third.GetProperty("change").GetDecimal()));

        var comparison = await GetAsync(business, $"/api/v1/standards/service-periods/comparison?count=4&branch={Branch}");
        var row = comparison.GetProperty("standards").EnumerateArray().Single(line => line.GetProperty("standardId").GetGuid() == standardId);
        var outcomes = row.GetProperty("results").EnumerateArray()
            .ToDictionary(result => result.GetProperty("start").GetString()!, result => result.GetProperty("outcome").GetString());
        Assert.Equal(
            months.ToDictionary(month => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), month => (string?)(month == failingMonth ? "breached" : "met")),
            outcomes);
    }

    private async Task<JsonElement> CloseAsync(Business business, DateOnly start)
    {
        using var closed = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/service-periods/{start:yyyy-MM-dd}/close", business);
        Assert.True(closed.StatusCode == HttpStatusCode.OK, $"closing {start:yyyy-MM-dd}: {(int)closed.StatusCode} {await closed.Content.ReadAsStringAsync()}");
        var period = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", period.GetProperty("status").GetString());
        return period;
    }

    private static JsonElement ResultOf(JsonElement period, Guid standardId) =>
        period.GetProperty("results").EnumerateArray()
            .Single(result => result.GetProperty("standardId").GetGuid() == standardId && result.GetProperty("branch").GetString() == Branch);

    private async Task<Guid> CreatePublishedPolicyAsync(Business business)
    {
        using var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/policies", business, new
        {
            area = "greeting-and-presentation",
            title = "Welcoming customers",
            body = "# Welcoming customers\nEvery customer is greeted within a minute.",
            clauses = new[] { new { key = "recommend", text = "We aim to be a bakery our customers recommend.", @public = true } },
            effectiveDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6),
            owner = "Operations",
            reviewDueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions/1/publish", business);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return policyId;
    }

    private async Task<int> PublishNewVersionAsync(Business business, Guid policyId)
    {
        using var draft = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions", business);
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        using var edited = await SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/standards/policies/{policyId}/versions/{version}", business, draft.Headers.ETag!.Tag, new
        {
            body = "# Welcoming customers\nEvery customer is greeted within a minute. At lunch a second till opens when five are waiting.",
            clauses = new[] { new { key = "recommend", text = "We aim to be a bakery our customers recommend.", @public = true } },
            effectiveDate = DateOnly.FromDateTime(DateTime.UtcNow),
            owner = "Operations",
            reviewDueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions/{version}/publish", business);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return version;
    }

    private async Task<Guid> RegisterStaffAsync(Business business, string code) =>
        await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/staff", business, new { code, name = "Baker " + code, branch = Branch }));

    private async Task<Guid> PublishedSurveyAsync(Business business)
    {
        var surveyId = await CreatedIdAsync(await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/surveys", business, new
        {
            name = "Comment card",
            kind = "nps",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = new Dictionary<string, string> { ["en-GB"] = "Would you recommend us?" } },
            },
        }));
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/publish", business);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        return surveyId;
    }

    private async Task<JsonElement> GetAsync(Business business, string path)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, path, business);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> ETagOfAsync(Business business, string path)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, path, business);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpMethod method, string path, Business business, string etag, object body)
    {
        using var request = platform.Request(method, path, business, body);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await platform.Http.SendAsync(request);
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
