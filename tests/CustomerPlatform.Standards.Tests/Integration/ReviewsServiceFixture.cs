using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Standards.Features.Reviews;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// The Standards service with a test bus that publishes <see cref="ServicePeriodClosed"/> as a period close would and
/// staff suggestions as Feedback would, and the overdue-reviews gauge on a short interval.
/// </summary>
public sealed class ReviewsServiceFixture() : ConsumingServiceFixture<Program>("standardsdb", ClosedQueue, SuggestionsQueue)
{
    public const string ReviewsPath = "/api/v1/standards/reviews";
    public const string ClosedQueue = "standards-service-period-closed-review";
    public const string SuggestionsQueue = "standards-staff-suggestion";

    /// <summary>A closed period's result for one standard in one branch; failed unless said otherwise.</summary>
    public static ServicePeriodResult Result(
        string branch, Guid? standardId = null, bool failed = true, decimal? actual = 22.5m, decimal target = 40, IReadOnlyList<Guid>? breached = null) => new()
        {
            StandardId = standardId ?? Guid.NewGuid(),
            StandardVersion = 3,
            Metric = "nps",
            Branch = branch,
            Actual = actual,
            Target = target,
            Comparator = "atLeast",
            Outcome = failed ? "breached" : "met",
            Failed = failed,
            BreachedComplaintIds = breached ?? [],
        };

    public static ServicePeriodClosed Closed(Guid tenantId, DateOnly start, DateOnly end, params ServicePeriodResult[] results) => new()
    {
        TenantId = tenantId,
        PeriodId = Guid.NewGuid(),
        Length = "month",
        Start = start,
        End = end,
        Results = results,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A month long closed, whose reviews are overdue by now.</summary>
    public static ServicePeriodClosed ClosedLongAgo(Guid tenantId, params ServicePeriodResult[] results) =>
        Closed(tenantId, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), results);

    /// <summary>The month that ended today, whose reviews are not due yet.</summary>
    public static ServicePeriodClosed ClosedToday(Guid tenantId, params ServicePeriodResult[] results)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Closed(tenantId, today.AddMonths(-1), today, results);
    }

    public static FeedbackReceived Suggestion(Guid tenantId, string branch, DateTimeOffset occurredAt, string from = "staff", string kind = "suggestion", params string[] tags) => new()
    {
        TenantId = tenantId,
        FeedbackId = Guid.NewGuid(),
        Branch = branch,
        Source = "rating",
        Kind = kind,
        From = from,
        Tags = tags,
        OccurredAt = occurredAt,
    };

    /// <summary>Publishes the close under a fresh MessageId and waits until the review consumer has handled it.</summary>
    public async Task CloseAsync(ServicePeriodClosed closed, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await PublishAsync(closed, id);
        await WaitUntilConsumedAsync(id, queue: ClosedQueue);
    }

    /// <summary>Publishes the feedback and waits until the suggestions consumer has handled it.</summary>
    public async Task SuggestAsync(params FeedbackReceived[] feedback)
    {
        foreach (var item in feedback)
        {
            var id = Guid.NewGuid();
            await PublishAsync(item, id);
            await WaitUntilConsumedAsync(id, queue: SuggestionsQueue);
        }
    }

    public async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"{ReviewsPath}?{query}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    /// <summary>The review and its ETag; fails unless the answer is 200.</summary>
    public static async Task<(JsonElement Review, string ETag)> GetAsync(HttpClient client, Guid reviewId)
    {
        using var response = await client.GetAsync(new Uri($"{ReviewsPath}/{reviewId}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Records an outcome with the review's current ETag.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid reviewId, object outcome)
    {
        var (_, etag) = await GetAsync(client, reviewId);
        return await SendAsync(client, HttpMethod.Post, $"{ReviewsPath}/{reviewId}/outcome", etag, outcome);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ReviewOptions>(options => options.GaugeRefreshInterval = TimeSpan.FromMilliseconds(200));
    }
}
