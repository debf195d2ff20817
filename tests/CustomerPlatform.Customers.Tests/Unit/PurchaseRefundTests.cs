using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class PurchaseRefundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer Customer = TestCustomers.Register("Ann", Now.AddDays(-1));

    [Fact]
    public void Refund_PartOfThePurchase_LeavesTheRestToRefund()
    {
        var purchase = Purchase100();

        var refund = purchase.Refund(RefundKind.Refund, 30m, " damaged ", null, Now);

        Assert.Equal(30m, refund.Amount);
        Assert.Equal(70m, refund.RemainingAmount);
        Assert.Equal("damaged", refund.Reason);
        Assert.Equal("LON-01", refund.Branch);
        Assert.Equal(purchase.Id, refund.PurchaseId);
        Assert.Equal(30m, purchase.RefundedAmount);
        Assert.Equal(70m, purchase.RemainingAmount);
        Assert.Null(purchase.VoidedAt);
    }

    [Fact]
    public void Refund_WithoutAmount_RefundsAllThatRemains()
    {
        var purchase = Purchase100();
        purchase.Refund(RefundKind.Refund, 25m, "first", null, Now);

        var refund = purchase.Refund(RefundKind.Refund, null, "rest", "MAN-02", Now);

        Assert.Equal(75m, refund.Amount);
        Assert.Equal(0m, refund.RemainingAmount);
        Assert.Equal("MAN-02", refund.Branch);
        Assert.Equal(100m, purchase.RefundedAmount);
    }

    [Fact]
    public void Refund_ExactlyWhatRemains_IsAccepted()
    {
        var purchase = Purchase100();
        purchase.Refund(RefundKind.Refund, 99.9999m, "most", null, Now);

        var refund = purchase.Refund(RefundKind.Refund, 0.0001m, "last", null, Now);

        Assert.Equal(0m, refund.RemainingAmount);
    }

    [Theory]
    [InlineData("100.0001")]
    [InlineData("1000")]
    public void Refund_MoreThanThePurchase_ThrowsRefundExceedsPurchase(string amount)
    {
        var purchase = Purchase100();

        var exception = Assert.Throws<DomainException>(
            () => purchase.Refund(RefundKind.Refund, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "too much", null, Now));

        Assert.Equal("refund-exceeds-purchase", exception.Code);
        Assert.Equal(0m, purchase.RefundedAmount);
    }

    [Fact]
    public void Refund_TenTimesTenOfAHundred_RefusesTheEleventh()
    {
        var purchase = Purchase100();
        for (var i = 0; i < 10; i++)
        {
            purchase.Refund(RefundKind.Refund, 10m, "part", null, Now);
        }

        var exception = Assert.Throws<DomainException>(() => purchase.Refund(RefundKind.Refund, 10m, "one more", null, Now));

        Assert.Equal("refund-exceeds-purchase", exception.Code);
        Assert.Equal(100m, purchase.RefundedAmount);
        Assert.Equal(10, purchase.Refunds.Count);
    }

    [Fact]
    public void Refund_WhenFullyRefundedAndNoAmount_ThrowsRefundExceedsPurchase()
    {
        var purchase = Purchase100();
        purchase.Refund(RefundKind.Refund, null, "all", null, Now);

        var exception = Assert.Throws<DomainException>(() => purchase.Refund(RefundKind.Refund, null, "again", null, Now));

        Assert.Equal("refund-exceeds-purchase", exception.Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.00001")]
    public void Refund_WithInvalidAmount_ThrowsInvalidAmount(string amount)
    {
        var purchase = Purchase100();

        var exception = Assert.Throws<DomainException>(
            () => purchase.Refund(RefundKind.Refund, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "bad", null, Now));

        Assert.Equal("invalid-amount", exception.Code);
    }

    [Fact]
    public void Void_UntouchedPurchase_RefundsTheWholeAmount()
    {
        var purchase = Purchase100();

        var refund = purchase.Refund(RefundKind.Void, null, "wrong customer", null, Now);

        Assert.Equal(RefundKind.Void, refund.Kind);
        Assert.Equal(100m, refund.Amount);
        Assert.Equal(0m, refund.RemainingAmount);
        Assert.Equal(Now, purchase.VoidedAt);
    }

    [Fact]
    public void Void_WithTheWholeAmountNamed_IsAccepted()
    {
        var purchase = Purchase100();

        var refund = purchase.Refund(RefundKind.Void, 100m, "wrong customer", null, Now);

        Assert.Equal(100m, refund.Amount);
    }

    [Fact]
    public void Void_WithPartOfTheAmount_ThrowsVoidMustBeWhole()
    {
        var purchase = Purchase100();

        var exception = Assert.Throws<DomainException>(() => purchase.Refund(RefundKind.Void, 40m, "part", null, Now));

        Assert.Equal("void-must-be-whole", exception.Code);
        Assert.Null(purchase.VoidedAt);
    }

    [Fact]
    public void Void_AfterARefund_ThrowsVoidAfterRefund()
    {
        var purchase = Purchase100();
        purchase.Refund(RefundKind.Refund, 10m, "part", null, Now);

        var exception = Assert.Throws<DomainException>(() => purchase.Refund(RefundKind.Void, null, "cancel", null, Now));

        Assert.Equal("void-after-refund", exception.Code);
        Assert.Equal(10m, purchase.RefundedAmount);
    }

    [Theory]
    [InlineData(RefundKind.Refund)]
    [InlineData(RefundKind.Void)]
    public void AnythingAfterAVoid_ThrowsPurchaseVoided(RefundKind kind)
    {
        var purchase = Purchase100();
        purchase.Refund(RefundKind.Void, null, "cancel", null, Now);

        var exception = Assert.Throws<DomainException>(() => purchase.Refund(kind, null, "again", null, Now));

        Assert.Equal("purchase-voided", exception.Code);
    }

    private static Purchase Purchase100() => Purchase.Record(Customer, "LON-01", 100m, "EUR", null, Now);
}
