using System.Net.Http.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Sdk;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// The Standards service on a private database and vhost, plus a test bus on the same vhost that publishes
/// FeedbackReceived as Feedback would.
/// </summary>
public sealed class StandardsServiceFixture : IAsyncLifetime
{
    public const string FeedbackReceivedQueue = "standards-feedback-received";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private IBusControl? _testBus;
    private ConnectHandle? _recorderHandle;

    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public ServiceFactory<Program> Service { get; private set; } = null!;

    /// <summary>What the service's own consumer has finished handling.</summary>
    public ConsumeRecorder Consumed { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();

        var broker = TestInfrastructure.RabbitMqUri;
        var credentials = broker.UserInfo.Split(':', 2);
        _testBus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            rabbit.Host(broker.Host, (ushort)broker.Port, Broker.Name, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            }));
        using (var startup = new CancellationTokenSource(StartupTimeout))
        {
            await _testBus.StartAsync(startup.Token);
        }

        Service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:standardsdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
        });
        using var client = Service.CreateClient();
        await Eventually.AssertAsync(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return health.IsSuccessStatusCode && await Broker.QueueExistsAsync(FeedbackReceivedQueue);
            },
            "the Standards service should become healthy with its queue declared",
            StartupTimeout);
        _recorderHandle = Service.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
    }

    public async Task DisposeAsync()
    {
        _recorderHandle?.Disconnect();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (_testBus is not null)
        {
            await _testBus.StopAsync();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

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

    /// <summary>Publishes as Feedback would, with the given MessageId (so a test can repeat one).</summary>
    public Task PublishAsync(FeedbackReceived message, Guid messageId) =>
        _testBus!.Publish(message, context => context.MessageId = messageId);

    /// <summary>Publishes each rating under a fresh MessageId, all at once, and waits until every one is consumed.</summary>
    public async Task RecordAsync(params FeedbackReceived[] feedback)
    {
        var messageIds = feedback.Select(_ => Guid.NewGuid()).ToArray();
        await Task.WhenAll(feedback.Select((message, i) => PublishAsync(message, messageIds[i])));
        foreach (var messageId in messageIds)
        {
            await WaitUntilConsumedAsync(messageId);
        }
    }

    /// <summary>Waits until the service has consumed the message to completion at least <paramref name="times"/> times.</summary>
    public async Task WaitUntilConsumedAsync(Guid messageId, int times = 1)
    {
        try
        {
            await Eventually.AssertAsync(
                () => Task.FromResult(Consumed.TimesConsumed(messageId) >= times),
                $"message {messageId} should have been consumed {times} time(s)");
        }
        catch (FailException)
        {
            // Say what did happen: how far it got, and why attempts failed.
            Assert.Fail($"message {messageId} should have been consumed {times} time(s), was {Consumed.TimesConsumed(messageId)} ({Consumed.DescribeFaults()})");
        }
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
