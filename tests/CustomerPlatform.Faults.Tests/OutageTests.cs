using CustomerPlatform.EndToEnd.Tests;
using Xunit;
using Xunit.Abstractions;

namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// Steady purchase traffic through the gateway while the broker, a consumer process or the database goes away
/// and comes back: afterwards every purchase a client saw succeed is credited exactly once, read from the
/// databases, and no client waited on a hang or got a 500.
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class OutageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Purchases_WhileRabbitMqIsStoppedForSeconds_AreAllCreditedOnceAndAnsweredFast()
    {
        await using var traffic = await StartTrafficAsync();

        try
        {
            await ServerControl.StopRabbitMqAsync();
            await FaultScenario.LetRunAsync(traffic, seconds: 5);
        }
        finally
        {
            await ServerControl.StartRabbitMqAsync();
        }

        await FaultScenario.LetRunAsync(traffic, seconds: 2);

        await AssertSurvivedAsync("RabbitMQ stopped and started", traffic);
    }

    [Fact]
    public async Task Purchases_WhenLoyaltyIsKilledMidStream_AreAllCreditedOnceAfterItRestarts()
    {
        var loyalty = platform.Services.Single(app => app.Name == "loyalty");
        await using var traffic = await StartTrafficAsync();

        try
        {
            await loyalty.KillAsync();
            await FaultScenario.LetRunAsync(traffic, seconds: 2);
        }
        finally
        {
            loyalty.Start();
        }

        await FaultScenario.WaitUntilHealthyAsync(platform);
        await FaultScenario.LetRunAsync(traffic, seconds: 2);

        await AssertSurvivedAsync("Loyalty killed (SIGKILL) and restarted", traffic);
    }

    [Fact]
    public async Task Purchases_WhilePostgresRestarts_AreAnsweredFastWith503OrCreditedOnce()
    {
        await using var traffic = await StartTrafficAsync();

        await ServerControl.RestartPostgresAsync();
        // The test's own pooled connections died with the server; the apps must cope, the test need not.
        platform.Database("loyaltydb").ClearPool();
        await FaultScenario.LetRunAsync(traffic, seconds: 3);

        await AssertSurvivedAsync("PostgreSQL restarted", traffic);
    }

    private async Task<PurchaseTraffic> StartTrafficAsync()
    {
        await FaultScenario.WaitUntilHealthyAsync(platform);
        var customers = await FaultScenario.RegisterCustomersAsync(platform, 8);
        var traffic = PurchaseTraffic.Start(platform, customers, FaultScenario.PurchasesPerSecond);
        await FaultScenario.LetRunAsync(traffic, seconds: 2);
        return traffic;
    }

    private async Task AssertSurvivedAsync(string scenario, PurchaseTraffic traffic)
    {
        var outcomes = await traffic.StopAsync();
        output.WriteLine(TrafficAssert.Summary(scenario, outcomes, drained: null));

        try
        {
            TrafficAssert.AnsweredFastAndCleanly(outcomes);
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            // The apps' own account of the failed requests (their exceptions) explains a 500 or a hang. The
            // failure is repeated after it: CI keeps only the end of the output.
            output.WriteLine(platform.AppOutput);
            output.WriteLine($"{scenario} failed: {failure.Message}");
            throw;
        }

        var drained = await TrafficAssert.CreditedExactlyOnceAsync(platform, outcomes);
        output.WriteLine(TrafficAssert.Summary(scenario, outcomes, drained));
        await FaultScenario.WaitUntilHealthyAsync(platform);
    }
}
