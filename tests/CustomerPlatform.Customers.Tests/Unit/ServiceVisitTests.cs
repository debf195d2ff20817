using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class ServiceVisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer Customer = TestCustomers.Register("Ann", Now.AddDays(-1));

    [Fact]
    public void Record_WithValidVisit_KeepsItsFactsTrimmed()
    {
        var visit = ServiceVisit.Record(Customer, " LON-01 ", " Sam ", " Hearing test ", "  ", Now.AddHours(-1), 45, Now);

        Assert.Equal(Customer.TenantId, visit.TenantId);
        Assert.Equal(Customer.Id, visit.CustomerId);
        Assert.Equal("LON-01", visit.Branch);
        Assert.Equal("Sam", visit.StaffMember);
        Assert.Equal("Hearing test", visit.Service);
        Assert.Null(visit.Notes);
        Assert.Equal(45, visit.DurationMinutes);
        Assert.Equal(Now.AddHours(-1), visit.OccurredAt);
    }

    [Fact]
    public void Record_InTheFuture_ThrowsVisitInFuture()
    {
        var exception = Assert.Throws<DomainException>(
            () => ServiceVisit.Record(Customer, "LON-01", "Sam", "Fitting", null, Now.AddMinutes(6), null, Now));

        Assert.Equal("visit-in-future", exception.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void Record_WithDurationOutOfRange_ThrowsInvalidDuration(int minutes)
    {
        var exception = Assert.Throws<DomainException>(
            () => ServiceVisit.Record(Customer, "LON-01", "Sam", "Fitting", null, null, minutes, Now));

        Assert.Equal("invalid-duration", exception.Code);
    }
}
