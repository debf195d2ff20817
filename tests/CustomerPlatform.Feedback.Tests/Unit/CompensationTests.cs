using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class CompensationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly CompensationAuthority Staff = new(TenantId, "staff", 1, "EUR", new CompensationLimits(20m, 30m, 40m, 500));
    private static readonly CompensationAuthority Manager = new(TenantId, "manager", 3, "EUR", new CompensationLimits(500m, 500m, 500m, 10_000));

    [Theory]
    [InlineData(CompensationType.Refund, 20)]
    [InlineData(CompensationType.CreditNote, 30)]
    [InlineData(CompensationType.Replacement, 12.5)]
    [InlineData(CompensationType.LoyaltyPoints, 500)]
    public void Offer_WithinTheRolesLimit_IsApprovedAtOnceByThatRole(CompensationType type, double amount)
    {
        var complaint = NewComplaint();

        var compensation = Offer(complaint, type, (decimal)amount, Staff);

        Assert.Equal(CompensationStatus.Approved, compensation.Status);
        Assert.Equal("staff", compensation.ApprovedByRole);
        Assert.Equal("Sam", compensation.DecidedBy);
        Assert.Equal(Now, compensation.DecidedAt);
    }

    [Fact]
    public void Offer_AboveTheRolesLimit_IsPending()
    {
        var complaint = NewComplaint();

        var compensation = Offer(complaint, CompensationType.Refund, 20.01m, Staff);

        Assert.Equal(CompensationStatus.Pending, compensation.Status);
        Assert.Null(compensation.ApprovedByRole);
        Assert.Null(compensation.DecidedAt);
    }

    [Fact]
    public void Offer_LoyaltyPoints_HasNoCurrency()
    {
        var compensation = Offer(NewComplaint(), CompensationType.LoyaltyPoints, 100m, Staff);

        Assert.Null(compensation.Currency);
        Assert.True(compensation.IsPoints);
    }

    [Fact]
    public void Offer_OnAClosedCase_Throws409ComplaintClosed()
    {
        var complaint = NewComplaint();
        foreach (var status in new[] { ComplaintStatus.Acknowledged, ComplaintStatus.Investigating, ComplaintStatus.Resolved, ComplaintStatus.Closed })
        {
            complaint.TransitionTo(status, null, null, null, Now);
        }

        var error = Assert.Throws<DomainException>(() => Offer(complaint, CompensationType.Refund, 5m, Staff));

        Assert.Equal("complaint-closed", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Approve_ByAHigherRoleWhoseLimitCoversIt_ApprovesIt()
    {
        var compensation = Offer(NewComplaint(), CompensationType.Refund, 150m, Staff);

        compensation.Approve("Morgan", Manager, Now.AddHours(1));

        Assert.Equal(CompensationStatus.Approved, compensation.Status);
        Assert.Equal("manager", compensation.ApprovedByRole);
        Assert.Equal("Morgan", compensation.DecidedBy);
    }

    [Fact]
    public void Approve_ByARoleWhoseLimitDoesNotCoverIt_Throws422NamingTheLimit()
    {
        var compensation = Offer(NewComplaint(), CompensationType.Refund, 150m, Staff);

        var error = Assert.Throws<DomainException>(() => compensation.Approve("Sam", Staff, Now));

        Assert.Equal("compensation-above-authority-limit", error.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, error.Kind);
        Assert.Contains("staff role may approve refund up to 20.00 EUR", error.Message, StringComparison.Ordinal);
        Assert.Equal(CompensationStatus.Pending, compensation.Status);
    }

    [Fact]
    public void Approve_AlreadyDecided_Throws409NotPending()
    {
        var compensation = Offer(NewComplaint(), CompensationType.Refund, 150m, Staff);
        compensation.Decline("Morgan", "Not our fault", Now);

        var error = Assert.Throws<DomainException>(() => compensation.Approve("Morgan", Manager, Now));

        Assert.Equal("compensation-not-pending", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Decline_Pending_RecordsWhoAndWhy()
    {
        var compensation = Offer(NewComplaint(), CompensationType.CreditNote, 99m, Staff);

        compensation.Decline(" Morgan ", " Already refunded by the bank ", Now);

        Assert.Equal(CompensationStatus.Declined, compensation.Status);
        Assert.Equal("Morgan", compensation.DecidedBy);
        Assert.Equal("Already refunded by the bank", compensation.DeclineReason);
        Assert.Null(compensation.ApprovedByRole);
    }

    [Fact]
    public void Decline_ApprovedAtOnce_Throws409NotPending()
    {
        var compensation = Offer(NewComplaint(), CompensationType.Refund, 5m, Staff);

        var error = Assert.Throws<DomainException>(() => compensation.Decline("Morgan", "Changed my mind", Now));

        Assert.Equal("compensation-not-pending", error.Code);
    }

    private static Complaint NewComplaint() =>
        Complaint.Receive(TenantId, Guid.NewGuid(), "central", ComplaintChannel.Phone, "billing", ComplaintSeverity.Medium, "Charged twice", null, Now);

    private static Compensation Offer(Complaint complaint, CompensationType type, decimal amount, CompensationAuthority role) =>
        Compensation.Offer(complaint, type, amount, "EUR", "Charged twice", "Sam", role, Now);
}
