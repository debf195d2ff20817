using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class PurchaseLinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer Customer = TestCustomers.Register("Ann", Now.AddDays(-1));

    [Fact]
    public void Record_WithLinesAndNoAmount_TotalsTheLines()
    {
        NewPurchaseLine[] lines = [Line("A-1", 2m, 3.50m, "shoes"), Line("B-2", 0.333m, 1.2345m, "food")];

        var purchase = Record(amount: null, lines);

        Assert.Equal(7.4111m, purchase.Amount);
        Assert.Equal([1, 2], purchase.Lines.Select(line => line.LineNumber));
        Assert.Equal([7.00m, 0.4111m], purchase.Lines.Select(line => line.Amount));
        Assert.All(purchase.Lines, line => Assert.Equal(purchase.Id, line.PurchaseId));
        Assert.All(purchase.Lines, line => Assert.Equal(Customer.TenantId, line.TenantId));
    }

    [Theory]
    [InlineData("0.00005", "1", "0.0001")]
    [InlineData("0.00004", "1", "0")]
    [InlineData("3", "0.3333", "0.9999")]
    public void AmountOf_RoundsQuantityTimesPriceToFourPlacesHalfAwayFromZero(string quantity, string unitPrice, string expected)
    {
        var amount = PurchaseLine.AmountOf(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Fact]
    public void Record_WithAmountEqualToTheLinesTotal_IsAccepted()
    {
        var purchase = Record(10.5m, [Line("A-1", 3m, 3.5m)]);

        Assert.Equal(10.5m, purchase.Amount);
    }

    [Fact]
    public void Record_WithAmountOtherThanTheLinesTotal_ThrowsAmountMismatch()
    {
        var exception = Assert.Throws<DomainException>(() => Record(10.49m, [Line("A-1", 3m, 3.5m)]));

        Assert.Equal("amount-mismatch", exception.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Fact]
    public void Record_WithLinesTotallingZero_ThrowsInvalidAmount()
    {
        var exception = Assert.Throws<DomainException>(() => Record(null, [Line("FREE", 1m, 0m)]));

        Assert.Equal("invalid-amount", exception.Code);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("-1", "1")]
    [InlineData("1.00001", "1")]
    [InlineData("1000001", "1")]
    [InlineData("1", "-0.01")]
    [InlineData("1", "1.00001")]
    [InlineData("1", "1000000001")]
    public void Record_WithLineOutOfRange_ThrowsInvalidLine(string quantity, string unitPrice)
    {
        var line = Line("A-1", decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture));

        var exception = Assert.Throws<DomainException>(() => Record(null, [line]));

        Assert.Equal("invalid-line", exception.Code);
    }

    [Fact]
    public void Record_WithLargestQuantityAndPrice_DoesNotOverflow()
    {
        var lines = Enumerable.Repeat(Line("BIG", PurchaseLine.MaxQuantity, Purchase.MaxAmount), Purchase.MaxLines).ToList();

        var exception = Assert.Throws<DomainException>(() => Record(null, lines));

        Assert.Equal("invalid-amount", exception.Code);
    }

    [Fact]
    public void Record_WithMoreThanMaxLines_ThrowsTooManyLines()
    {
        var lines = Enumerable.Repeat(Line("A-1", 1m, 1m), Purchase.MaxLines + 1).ToList();

        var exception = Assert.Throws<DomainException>(() => Record(null, lines));

        Assert.Equal("too-many-lines", exception.Code);
    }

    [Fact]
    public void Record_WithChannelAndReference_TrimsTheReference()
    {
        var purchase = Purchase.Record(Customer, "LON-01", 5m, "EUR", null, Now, PurchaseChannel.Online, "  R-1 ");

        Assert.Equal(PurchaseChannel.Online, purchase.Channel);
        Assert.Equal("R-1", purchase.ExternalReference);
    }

    [Fact]
    public void SameSaleAs_TheSameRequestLater_IsTrueUnlessTheTimeWasGivenAndDiffers()
    {
        var first = Purchase.Record(Customer, "LON-01", null, "EUR", Now.AddHours(-1), Now, PurchaseChannel.InStore, "R-1", [Line("A-1", 2m, 1m)]);
        var repeatWithoutTime = Purchase.Record(Customer, "LON-01", 2m, "eur", null, Now.AddMinutes(3), PurchaseChannel.InStore, "R-1", [Line("A-1", 2m, 1m)]);

        var same = first.SameSaleAs(repeatWithoutTime, compareOccurredAt: false);
        var sameWithTime = first.SameSaleAs(repeatWithoutTime, compareOccurredAt: true);

        Assert.True(same);
        Assert.False(sameWithTime);
    }

    [Fact]
    public void SameSaleAs_WithOtherLines_IsFalse()
    {
        var first = Purchase.Record(Customer, "LON-01", null, "EUR", null, Now, PurchaseChannel.InStore, "R-1", [Line("A-1", 2m, 1m)]);
        var repeat = Purchase.Record(Customer, "LON-01", null, "EUR", null, Now, PurchaseChannel.InStore, "R-1", [Line("A-2", 2m, 1m)]);

        Assert.False(first.SameSaleAs(repeat, compareOccurredAt: false));
    }

    private static Purchase Record(decimal? amount, IReadOnlyList<NewPurchaseLine> lines) =>
        Purchase.Record(Customer, "LON-01", amount, "EUR", null, Now, lines: lines);

    private static NewPurchaseLine Line(string sku, decimal quantity, decimal unitPrice, string? category = null) =>
        new(sku, Description: null, category, quantity, unitPrice);
}
