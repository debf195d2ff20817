using CustomerPlatform.Loyalty.Domain;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class RefundShareTests
{
    [Theory]
    [InlineData(100, 0, 100.0, 25.0, 75.0, 25)]
    [InlineData(10, 0, 30.0, 10.0, 20.0, 3)]
    [InlineData(10, 3, 30.0, 10.0, 10.0, 3)]
    [InlineData(10, 6, 30.0, 10.0, 0.0, 4)]
    public void PointsToReverse_PartialRefunds_TakeTheRefundedShareLessWhatWasTaken(
        long earned, long taken, double purchase, double refund, double remaining, long expected)
    {
        var points = RefundShare.PointsToReverse(earned, taken, (decimal)purchase, (decimal)refund, (decimal)remaining, isVoid: false);

        Assert.Equal(expected, points);
    }

    [Fact]
    public void PointsToReverse_RefundsInAnyOrder_NeverExceedWhatWasEarned()
    {
        var first = RefundShare.PointsToReverse(99, 0, 99.99m, 33.33m, 0m, isVoid: false);
        var late = RefundShare.PointsToReverse(99, first, 99.99m, 33.33m, 66.66m, isVoid: false);

        Assert.Equal(99, first);
        Assert.Equal(0, late);
    }

    [Fact]
    public void PointsToReverse_Void_TakesAllThatIsLeft()
    {
        var points = RefundShare.PointsToReverse(80, 20, 80m, 60m, 10m, isVoid: true);

        Assert.Equal(60, points);
    }

    [Fact]
    public void PointsToReverse_PurchaseAmountUnknown_TakesThisRefundsShareOfWhatIsLeft()
    {
        var points = RefundShare.PointsToReverse(60, 20, purchaseAmount: null, 10m, 30m, isVoid: false);

        Assert.Equal(10, points);
    }

    [Fact]
    public void PointsToReverse_NothingLeftOrNothingRefunded_ReturnsZero()
    {
        Assert.Equal(0, RefundShare.PointsToReverse(50, 50, 50m, 10m, 0m, isVoid: true));
        Assert.Equal(0, RefundShare.PointsToReverse(50, 0, 50m, 0m, 50m, isVoid: false));
    }
}
