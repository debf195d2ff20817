using System.Net.Http.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// The Standards service on a private database and vhost, plus a test bus on the same vhost that publishes
/// FeedbackReceived as Feedback would, and branch events as the gateway would.
/// </summary>
public sealed class StandardsServiceFixture()
    : ConsumingServiceFixture<Program>(
        "standardsdb", FeedbackReceivedQueue, "standards-branch-registered", "standards-branch-updated", "standards-branch-closed", "standards-customer-erasure-requested",
        "standards-survey-invitation-count", "standards-purchase-count", "standards-complaint-count", "standards-compensation-count",
        "standards-interaction-follow-up", "standards-follow-up-completion")
{
    public const string FeedbackReceivedQueue = "standards-feedback-received";

    public static FeedbackReceived Feedback(Guid tenantId, string branch, int rating, DateTimeOffset? occurredAt = null) => new()
    {
        TenantId = tenantId,
        FeedbackId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        Branch = branch,
        Rating = rating,
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
    };

    public static Uri ScorecardPath(string query) => new($"/api/v1/standards/scorecard?{query}", UriKind.Relative);

    /// <summary>Publishes each rating under a fresh MessageId, all at once, and waits until every one is consumed.</summary>
    public async Task RecordAsync(params FeedbackReceived[] feedback)
    {
        var messageIds = feedback.Select(_ => Guid.NewGuid()).ToArray();
        await Task.WhenAll(feedback.Select((message, i) => PublishAsync(message, messageIds[i])));
        foreach (var messageId in messageIds)
        {
            // Named: the staff-suggestions consumer takes FeedbackReceived too, on its own queue.
            await WaitUntilConsumedAsync(messageId, queue: FeedbackReceivedQueue);
        }
    }

    /// <summary>Publishes one event as its owning service would, under a fresh MessageId, and waits until it is consumed.</summary>
    public async Task DeliverAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await PublishAsync(message, messageId);
        await WaitUntilConsumedAsync(messageId);
    }

    /// <summary>The tenant's scorecard; fails unless the answer is 200.</summary>
    internal async Task<ScorecardView> GetScorecardAsync(Guid tenantId, string query)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.GetAsync(ScorecardPath(query));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ScorecardView>())!;
    }
}
