using System.Globalization;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class PurchaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer Customer = TestCustomers.Register("Ann", Now.AddDays(-1));

    [Fact]
    public void Record_WithValidPurchase_KeepsTheFactsOfTheCustomer()
    {
        var occurredAt = Now.AddHours(-2);

        var purchase = Purchase.Record(Customer, "  LON-01 ", 12.3456m, "eur", occurredAt, Now);

        Assert.NotEqual(Guid.Empty, purchase.Id);
        Assert.Equal(Customer.TenantId, purchase.TenantId);
        Assert.Equal(Customer.Id, purchase.CustomerId);
        Assert.Equal("LON-01", purchase.Branch);
        Assert.Equal(12.3456m, purchase.Amount);
        Assert.Equal("EUR", purchase.Currency);
        Assert.Equal(occurredAt, purchase.OccurredAt);
        Assert.Equal(Now, purchase.RecordedAt);
    }

    [Fact]
    public void Record_WithoutOccurredAt_HappenedNow()
    {
        var purchase = Purchase.Record(Customer, "LON-01", 10m, "GBP", occurredAt: null, Now);

        Assert.Equal(Now, purchase.OccurredAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-100")]
    [InlineData("1000000000.0001")]
    [InlineData("79228162514264337593543950335")]
    public void Record_WithAmountOutOfRange_ThrowsInvalidAmount(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        var exception = Assert.Throws<DomainException>(() => Purchase.Record(Customer, "LON-01", value, "EUR", null, Now));

        Assert.Equal("invalid-amount", exception.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("1000000000")]
    public void Record_WithAmountAtBounds_IsAccepted(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        var purchase = Purchase.Record(Customer, "LON-01", value, "EUR", null, Now);

        Assert.Equal(value, purchase.Amount);
    }

    [Theory]
    [InlineData("1.23456")]
    [InlineData("0.00001")]
    public void Record_WithMoreThanFourDecimals_ThrowsInvalidAmount(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        var exception = Assert.Throws<DomainException>(() => Purchase.Record(Customer, "LON-01", value, "EUR", null, Now));

        Assert.Equal("invalid-amount", exception.Code);
    }

    [Fact]
    public void Record_WithTrailingZerosBeyondFourDecimals_IsAccepted()
    {
        var purchase = Purchase.Record(Customer, "LON-01", 1.230000m, "EUR", null, Now);

        Assert.Equal(1.23m, purchase.Amount);
    }

    [Fact]
    public void Record_InTheFuture_ThrowsPurchaseInFuture()
    {
        var exception = Assert.Throws<DomainException>(
            () => Purchase.Record(Customer, "LON-01", 10m, "EUR", Now.AddMinutes(6), Now));

        Assert.Equal("purchase-in-future", exception.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Fact]
    public void Record_WithinFiveMinutesClockSkew_IsAccepted()
    {
        var occurredAt = Now.AddMinutes(5);

        var purchase = Purchase.Record(Customer, "LON-01", 10m, "EUR", occurredAt, Now);

        Assert.Equal(occurredAt, purchase.OccurredAt);
    }
}
