using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Features.ComplaintClocks;
using CustomerPlatform.Standards.Infrastructure;
using CustomerPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// The Standards service with its deadline worker polling every 100 ms, and a test bus that publishes complaint
/// events as Feedback would and branch events as the gateway would. Deadlines are driven by the events' own times:
/// a complaint opened in the past is due as soon as its target has passed since then.
/// </summary>
public sealed class BreachesServiceFixture() : ConsumingServiceFixture<Program>(
    "standardsdb", [.. ComplaintClocks.Queues, "standards-branch-registered", "standards-branch-updated", "standards-branch-closed"])
{
    public const string StandardsPath = "/api/v1/standards/service-standards";
    public const string BreachesPath = "/api/v1/standards/breaches";

    /// <summary>Creates a complaint-time standard for the tenant and returns its id; fails unless the answer is 201.</summary>
    public async Task<Guid> CreateStandardAsync(
        Guid tenantId, string metric, int target, int? warning = null, string[]? branches = null, string? severity = null)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.PostAsJsonAsync(StandardsPath, new
        {
            name = $"{metric} within {target}",
            metric,
            comparator = "atMost",
            target,
            warningThreshold = warning,
            branches = branches ?? [],
            severity,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Publishes each event under a fresh MessageId, in the order given, waiting for each to be consumed.</summary>
    public async Task PublishInOrderAsync(params IComplaintEvent[] events)
    {
        foreach (var message in events)
        {
            var messageId = Guid.NewGuid();
            await (message switch
            {
                ComplaintReceived received => PublishAsync(received, messageId),
                ComplaintAcknowledged acknowledged => PublishAsync(acknowledged, messageId),
                ComplaintResolved resolved => PublishAsync(resolved, messageId),
                ComplaintReopened reopened => PublishAsync(reopened, messageId),
                ComplaintWaitingOnCustomer waiting => PublishAsync(waiting, messageId),
                ComplaintResumed resumed => PublishAsync(resumed, messageId),
                _ => throw new ArgumentException($"No publisher for {message.GetType().Name}.", nameof(events)),
            });
            await WaitUntilConsumedAsync(messageId);
        }
    }

    /// <summary>The complaint's deadlines as the database holds them, read as its tenant.</summary>
    public async Task<List<ComplaintDeadline>> DeadlinesAsync(Guid tenantId, Guid complaintId)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<StandardsDbContext>();
        return await db.ComplaintDeadlines.AsNoTracking().Where(deadline => deadline.ComplaintId == complaintId)
            .OrderBy(deadline => deadline.Clock).ThenBy(deadline => deadline.StartedAt).ToListAsync();
    }

    public async Task<JsonElement> ListBreachesAsync(Guid tenantId, string query = "")
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.GetAsync(new Uri($"{BreachesPath}{query}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static ComplaintReceived Received(Guid tenantId, Guid complaintId, string branch, DateTimeOffset at, string severity = "medium") => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, CustomerId = Guid.NewGuid(), Branch = branch, Category = "service",
        Severity = severity, Status = "received", OccurredAt = at,
    };

    public static ComplaintAcknowledged Acknowledged(Guid tenantId, Guid complaintId, string branch, DateTimeOffset at, string severity = "medium") => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, Branch = branch, Category = "service", Severity = severity, Status = "acknowledged", OccurredAt = at,
    };

    public static ComplaintResolved Resolved(Guid tenantId, Guid complaintId, string branch, DateTimeOffset at) => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, Branch = branch, Category = "service", Severity = "medium", Status = "resolved", OccurredAt = at,
    };

    public static ComplaintWaitingOnCustomer Waiting(Guid tenantId, Guid complaintId, string branch, DateTimeOffset at) => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, Branch = branch, Category = "service", Severity = "medium", Status = "acknowledged", OccurredAt = at,
    };

    public static ComplaintResumed Resumed(Guid tenantId, Guid complaintId, string branch, DateTimeOffset waitedSince, DateTimeOffset at) => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, Branch = branch, Category = "service", Severity = "medium", Status = "acknowledged",
        WaitedSince = waitedSince, OccurredAt = at,
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ComplaintClockOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
    }
}
