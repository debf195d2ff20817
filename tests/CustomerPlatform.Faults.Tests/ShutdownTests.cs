using CustomerPlatform.EndToEnd.Tests;
using CustomerPlatform.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// SIGTERM, as an orchestrator sends it on every deploy: the app finishes what it accepted (requests in flight,
/// messages being consumed) before it exits, so a rolling restart loses nothing and shows no client a 500.
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class ShutdownTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Customers_OnSigtermUnderTraffic_FinishesAcceptedRequestsAndExitsCleanly()
    {
        await using var traffic = await StartTrafficAsync();

        int exitCode;
        try
        {
            exitCode = await platform.Customers.TerminateAsync(StopTimeout);
            await FaultScenario.LetRunAsync(traffic, seconds: 1);
        }
        finally
        {
            RestartIfStopped(platform.Customers);
        }

        await FaultScenario.WaitUntilHealthyAsync(platform);
        await FaultScenario.LetRunAsync(traffic, seconds: 2);
        await AssertSurvivedAsync("Customers SIGTERM and restart", traffic);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Loyalty_OnSigtermWhileConsuming_LosesNoMessageAndCreditsAllOnceAfterRestart()
    {
        var loyalty = platform.Services.Single(app => app.Name == "loyalty");
        await using var traffic = await StartTrafficAsync();

        int exitCode;
        try
        {
            exitCode = await loyalty.TerminateAsync(StopTimeout);
            await FaultScenario.LetRunAsync(traffic, seconds: 1);
        }
        finally
        {
            RestartIfStopped(loyalty);
        }

        await FaultScenario.WaitUntilHealthyAsync(platform);
        await FaultScenario.LetRunAsync(traffic, seconds: 2);
        await AssertSurvivedAsync("Loyalty SIGTERM and restart", traffic);
        Assert.Equal(0, exitCode);
    }

    private static void RestartIfStopped(AppProcess app)
    {
        if (!app.IsRunning)
        {
            app.Start();
        }
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

        TrafficAssert.AnsweredFastAndCleanly(outcomes);
        var drained = await TrafficAssert.CreditedExactlyOnceAsync(platform, outcomes);
        output.WriteLine(TrafficAssert.Summary(scenario, outcomes, drained));
    }
}
