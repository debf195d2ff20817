using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>Measurable standards through the real gateway, and the complaint deadlines they set in Feedback.</summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class StandardsFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task ResolutionStandard_ThroughGateway_SetsNewComplaintsDueTimesAndNamesItsVersion()
    {
        // Its own business: the standard takes over the business's complaint targets.
        var business = await platform.CreateBusinessAsync("Standards bakery");
        using (var categories = await platform.SendAsync(HttpMethod.Put, "/api/v1/feedback/complaint-categories", business,
            new { items = new[] { new { code = "quality", label = "Quality" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        }

        using var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/service-standards", business,
            new { name = "Resolve within ten business hours", metric = "complaint-resolution-time", comparator = "atMost", target = 600, warningThreshold = 480 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var standardId = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await WaitForTargetsAsync(business, standardId, 1);

        var first = await OpenComplaintAsync(business);

        Assert.Equal((600, standardId, 1), ResolveDue(first));

        using var change = platform.Request(HttpMethod.Put, $"/api/v1/standards/service-standards/{standardId}", business,
            new { name = "Resolve within five business hours", metric = "complaint-resolution-time", comparator = "atMost", target = 300 });
        change.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        using var changed = await platform.Http.SendAsync(change);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        await WaitForTargetsAsync(business, standardId, 2);
        var second = await OpenComplaintAsync(business);
        using var reread = await platform.SendAsync(HttpMethod.Get, $"/api/v1/feedback/complaints/{first.GetProperty("id").GetGuid()}", business);

        Assert.Equal((300, standardId, 2), ResolveDue(second));
        Assert.Equal((600, standardId, 1), ResolveDue(await ReadJsonAsync(reread)));
    }

    private async Task WaitForTargetsAsync(Business business, Guid standardId, int version) =>
        await Eventually.AssertAsync(
            async () =>
            {
                using var response = await platform.SendAsync(HttpMethod.Get, "/api/v1/feedback/complaint-targets", business);
                var targets = await ReadJsonAsync(response);
                return targets.GetProperty("source").GetString() == "standard"
                    && targets.TryGetProperty("standardId", out var id) && id.GetGuid() == standardId
                    && targets.GetProperty("standardVersion").GetInt32() == version;
            },
            $"Feedback should take version {version} of the standard as its complaint targets");

    private async Task<JsonElement> OpenComplaintAsync(Business business)
    {
        // A branch the directory does not know runs round the clock, so the due time is plain arithmetic.
        using var opened = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/complaints", business,
            new { branch = "b-" + Guid.NewGuid().ToString("N")[..12], channel = "phone", category = "quality", severity = "medium", description = "Stale bread" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return await ReadJsonAsync(opened);
    }

    private static (int Minutes, Guid StandardId, int Version) ResolveDue(JsonElement complaint)
    {
        var resolve = complaint.GetProperty("deadlines").GetProperty("resolve");
        var minutes = (resolve.GetProperty("dueAt").GetDateTimeOffset() - complaint.GetProperty("receivedAt").GetDateTimeOffset()).TotalMinutes;
        var standard = resolve.GetProperty("standard");
        return ((int)minutes, standard.GetProperty("standardId").GetGuid(), standard.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(body), $"{(int)response.StatusCode} with an empty body");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
