using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LoyaltyMeterTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string MeterName = "CustomerPlatform.Loyalty";

    [Fact]
    public async Task PurchaseCredited_CountsPointsEarnedByTypeAndSource_AndTheOutstandingGaugeShowsTheBusinessBalance()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        var earned = new ConcurrentQueue<(long Value, string? Type, string? Source)>();
        var outstanding = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString());
            if (instrument.Name == "customer_platform.loyalty.points_earned")
            {
                earned.Enqueue((value, tagged.GetValueOrDefault("type"), tagged.GetValueOrDefault("source")));
            }
            else if (instrument.Name == "customer_platform.loyalty.points_outstanding" && tagged.GetValueOrDefault("tenant.id") is { } tenant)
            {
                outstanding[tenant] = value;
            }
        });
        listener.Start();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(LoyaltyEvents.Purchase(tenantId, customerId, 77.9m), messageId);
        await fixture.WaitUntilConsumedAsync(messageId);

        Assert.Contains(earned, measurement => measurement is { Value: 77, Type: "earn", Source: "purchase" });
        await Eventually.AssertAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(outstanding.GetValueOrDefault(tenantId.ToString()) == 77);
            },
            "the outstanding-points gauge should show the business's balance once refreshed");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }
}
