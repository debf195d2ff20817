using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.Expiry;
using CustomerPlatform.Loyalty.Features.Bonuses;
using CustomerPlatform.Loyalty.Features.Meters;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>
/// The Loyalty service on a private database and vhost, plus a test bus on the same vhost that publishes the
/// events Loyalty consumes and records the events it publishes (bound to their contract exchanges).
/// </summary>
public sealed class LoyaltyServiceFixture()
    : ConsumingServiceFixture<Program>(
        "loyaltydb",
        CustomerRegisteredQueue,
        PurchaseRecordedQueue,
        ErasureRequestedQueue,
        PurchaseRefundedQueue,
        CompensationApprovedQueue,
        CustomersMergedQueue,
        FeedbackReceivedQueue,
        CustomerUpdatedQueue)
{
    public const string CustomerRegisteredQueue = "loyalty-customer-registered";
    public const string PurchaseRecordedQueue = "loyalty-purchase-recorded";
    public const string ErasureRequestedQueue = "loyalty-customer-erasure-requested";
    public const string PurchaseRefundedQueue = "loyalty-purchase-refunded";
    public const string CompensationApprovedQueue = "loyalty-compensation-approved";
    public const string CustomersMergedQueue = "loyalty-customers-merged";
    public const string FeedbackReceivedQueue = "loyalty-feedback-received";
    public const string CustomerUpdatedQueue = "loyalty-customer-updated";

    private readonly ConcurrentQueue<LoyaltyAccountOpened> _accountsOpened = new();
    private readonly ConcurrentQueue<PointsEarned> _pointsEarned = new();

    /// <summary>LoyaltyAccountOpened events seen on the broker.</summary>
    public IReadOnlyCollection<LoyaltyAccountOpened> AccountsOpened => _accountsOpened;

    /// <summary>PointsEarned events seen on the broker.</summary>
    public IReadOnlyCollection<PointsEarned> PointsEarned => _pointsEarned;

    protected override void ConfigureTestBus(IRabbitMqBusFactoryConfigurator rabbit) =>
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

    /// <summary>Polls fast, so a test sees a lapse announced, points expired, a tier re-evaluated and the gauges refreshed within its deadline.</summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<AtRiskOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        services.Configure<ExpiryOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        services.Configure<TierOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        services.Configure<BirthdayBonusOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        services.Configure<LoyaltyMeterOptions>(options => options.RefreshInterval = TimeSpan.FromMilliseconds(200));
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

    /// <summary>Publishes an event as its owner would and waits until Loyalty has handled it.</summary>
    public async Task DeliverAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await PublishAsync(message, messageId);
        await WaitUntilConsumedAsync(messageId);
    }

    /// <summary>Registers the customer and credits them <paramref name="points"/> through a purchase, waiting until both are handled.</summary>
    public async Task FundAccountAsync(Guid tenantId, Guid customerId, long points)
    {
        await RegisterCustomerAsync(tenantId, customerId);
        await DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, points));
    }

    /// <summary>
    /// The invariant every posting keeps: the customer's account balance equals the sum of its ledger, is not
    /// negative, and, when given, is the balance the scenario expects.
    /// </summary>
    public async Task AssertBalanceIsLedgerSumAsync(Guid customerId, long? expected = null)
    {
        var accountId = await Database.ScalarAsync<Guid>("SELECT id FROM accounts WHERE customer_id = @id", ("id", customerId));
        var balance = await Database.ScalarAsync<long>("SELECT balance FROM accounts WHERE id = @id", ("id", accountId));
        var ledgerSum = await Database.ScalarAsync<long>(
            "SELECT coalesce(sum(points), 0)::bigint FROM ledger_entries WHERE account_id = @id", ("id", accountId));
        Assert.Equal(ledgerSum, balance);
        Assert.True(balance >= 0, $"The balance of {customerId} is {balance}.");
        if (expected is { } wanted)
        {
            Assert.Equal(wanted, balance);
        }
    }
}
