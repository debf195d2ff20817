using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Sdk;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>
/// The Loyalty service on a private database and vhost, plus a test bus on the same vhost that publishes the
/// events Loyalty consumes and records the events it publishes (bound to their contract exchanges).
/// </summary>
public sealed class LoyaltyServiceFixture : IAsyncLifetime
{
    public const string CustomerRegisteredQueue = "loyalty-customer-registered";
    public const string PurchaseRecordedQueue = "loyalty-purchase-recorded";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<LoyaltyAccountOpened> _accountsOpened = new();
    private readonly ConcurrentQueue<PointsEarned> _pointsEarned = new();
    private IBusControl? _testBus;
    private ConnectHandle? _recorderHandle;

    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public ServiceFactory<Program> Service { get; private set; } = null!;

    /// <summary>What the service's own consumers have finished handling.</summary>
    public ConsumeRecorder Consumed { get; } = new();

    /// <summary>LoyaltyAccountOpened events seen on the broker.</summary>
    public IReadOnlyCollection<LoyaltyAccountOpened> AccountsOpened => _accountsOpened;

    /// <summary>PointsEarned events seen on the broker.</summary>
    public IReadOnlyCollection<PointsEarned> PointsEarned => _pointsEarned;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();

        // Started before the service, so the observer's bindings exist before anything is published.
        var broker = TestInfrastructure.RabbitMqUri;
        var credentials = broker.UserInfo.Split(':', 2);
        _testBus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, Broker.Name, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint("loyalty-tests-observer", endpoint =>
            {
                endpoint.Handler<LoyaltyAccountOpened>(context =>
                {
                    _accountsOpened.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<PointsEarned>(context =>
                {
                    _pointsEarned.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        using (var startup = new CancellationTokenSource(StartupTimeout))
        {
            await _testBus.StartAsync(startup.Token);
        }

        Service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyaltydb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
        });
        using var client = Service.CreateClient();
        await Eventually.AssertAsync(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return health.IsSuccessStatusCode
                    && await Broker.QueueExistsAsync(CustomerRegisteredQueue)
                    && await Broker.QueueExistsAsync(PurchaseRecordedQueue);
            },
            "the Loyalty service should become healthy with its queues declared",
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

    public static Uri AccountPath(Guid customerId) => new($"/api/v1/loyalty/accounts/{customerId}", UriKind.Relative);

    /// <summary>The account as the tenant sees it through the API, or null on 404.</summary>
    internal async Task<AccountView?> FindAccountAsync(Guid tenantId, Guid customerId)
    {
        using var client = Service.CreateTenantClient(tenantId);
        using var response = await client.GetAsync(AccountPath(customerId));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<AccountView>();
    }

    /// <summary>Registers the customer and waits until Loyalty has handled it.</summary>
    public async Task RegisterCustomerAsync(Guid tenantId, Guid customerId)
    {
        var messageId = Guid.NewGuid();
        await PublishAsync(LoyaltyEvents.Registered(tenantId, customerId), messageId);
        await WaitUntilConsumedAsync(messageId);
    }

    /// <summary>Publishes as the owning service would, with the given MessageId (so a test can repeat one).</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        _testBus!.Publish(message, context => context.MessageId = messageId);

    /// <summary>Waits until the service has consumed the message to completion at least <paramref name="times"/> times.</summary>
    public async Task WaitUntilConsumedAsync(Guid messageId, int times = 1, TimeSpan? timeout = null)
    {
        try
        {
            await Eventually.AssertAsync(
                () => Task.FromResult(Consumed.TimesConsumed(messageId) >= times),
                $"message {messageId} should have been consumed {times} time(s)",
                timeout);
        }
        catch (FailException)
        {
            // Say what did happen: how far it got, and why attempts failed.
            Assert.Fail($"message {messageId} should have been consumed {times} time(s), was {Consumed.TimesConsumed(messageId)} ({Consumed.DescribeFaults()})");
        }
    }
}
