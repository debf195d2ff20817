using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.Meters;
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
    : ConsumingServiceFixture<Program>("loyaltydb", CustomerRegisteredQueue, PurchaseRecordedQueue, ErasureRequestedQueue)
{
    public const string CustomerRegisteredQueue = "loyalty-customer-registered";
    public const string PurchaseRecordedQueue = "loyalty-purchase-recorded";
    public const string ErasureRequestedQueue = "loyalty-customer-erasure-requested";

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

    /// <summary>Polls fast, so a test sees a lapse announced and the gauges refreshed within its deadline.</summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<AtRiskOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        services.Configure<LoyaltyMeterOptions>(options => options.RefreshInterval = TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Asserts the account's balance is the sum of its ledger, the invariant every posting keeps.</summary>
    public async Task AssertBalanceIsLedgerSumAsync(Guid tenantId, Guid customerId)
    {
        var balance = await Database.ScalarAsync<long>(
            "SELECT balance FROM accounts WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", customerId));
        var ledgerSum = await Database.ScalarAsync<long>(
            "SELECT COALESCE(sum(e.points), 0)::bigint FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.tenant_id = @tenant AND a.customer_id = @customer",
            ("tenant", tenantId), ("customer", customerId));
        Assert.Equal(ledgerSum, balance);
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
}
