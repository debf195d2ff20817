using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class ComplaintWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Acknowledged)]
    [InlineData(ComplaintStatus.Acknowledged, ComplaintStatus.Investigating)]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.Reopened)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Reopened)]
    [InlineData(ComplaintStatus.Reopened, ComplaintStatus.Investigating)]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Acknowledged, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Reopened, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Escalated, ComplaintStatus.Resolved)]
    public void IsAllowed_StepOfTheWorkflow_IsTrue(ComplaintStatus from, ComplaintStatus to)
    {
        var allowed = ComplaintWorkflow.IsAllowed(from, to);

        Assert.True(allowed);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Acknowledged, ComplaintStatus.Reopened)]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Investigating)]
    [InlineData(ComplaintStatus.Escalated, ComplaintStatus.Escalated)]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.Received)]
    public void IsAllowed_SkippingOrGoingBack_IsFalse(ComplaintStatus from, ComplaintStatus to)
    {
        var allowed = ComplaintWorkflow.IsAllowed(from, to);

        Assert.False(allowed);
    }

    [Fact]
    public void Escalation_IsAllowedFromEveryOpenStatusOnly()
    {
        var statuses = Enum.GetValues<ComplaintStatus>();

        var escalatable = statuses.Where(status => ComplaintWorkflow.IsAllowed(status, ComplaintStatus.Escalated));

        Assert.Equal(statuses.Where(ComplaintWorkflow.IsOpen), escalatable);
    }

    [Fact]
    public void TransitionTo_FullCycle_RecordsEachStepInOrder()
    {
        var complaint = NewComplaint();

        foreach (var to in new[] { ComplaintStatus.Acknowledged, ComplaintStatus.Investigating, ComplaintStatus.Resolved, ComplaintStatus.Reopened, ComplaintStatus.Investigating, ComplaintStatus.Resolved, ComplaintStatus.Closed })
        {
            complaint.TransitionTo(to, null, null, null, Now);
        }

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(7, complaint.Transitions.Count);
        Assert.Equal(ComplaintStatus.Received, complaint.Transitions[0].From);
        Assert.Equal(ComplaintStatus.Closed, complaint.Transitions[^1].To);
    }

    [Fact]
    public void TransitionTo_NotAllowed_ThrowsConflictNamingTheAllowedOnes()
    {
        var complaint = NewComplaint();

        var refused = Assert.Throws<DomainException>(() => complaint.TransitionTo(ComplaintStatus.Closed, null, null, null, Now));

        Assert.Equal("invalid-transition", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains("Acknowledged, Escalated", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Empty(complaint.Transitions);
    }

    [Fact]
    public void TransitionTo_EscalatedWithoutReference_Throws()
    {
        var complaint = NewComplaint();

        var refused = Assert.Throws<DomainException>(() => complaint.TransitionTo(ComplaintStatus.Escalated, null, "Ombudsman", " ", Now));

        Assert.Equal("escalation-needs-external-body", refused.Code);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
    }

    [Fact]
    public void TransitionTo_Escalated_KeepsTheExternalBodyAndReference()
    {
        var complaint = NewComplaint();

        complaint.TransitionTo(ComplaintStatus.Escalated, " sent on ", " Ombudsman ", " OMB-42 ", Now);

        Assert.Equal(ComplaintStatus.Escalated, complaint.Status);
        Assert.Equal("Ombudsman", complaint.ExternalBody);
        Assert.Equal("OMB-42", complaint.ExternalReference);
        Assert.Equal("sent on", Assert.Single(complaint.Transitions).Note);
    }

    [Fact]
    public void Receive_TrimsAndStartsReceived()
    {
        var complaint = Complaint.Receive(Guid.NewGuid(), null, " LON-01 ", ComplaintChannel.Phone, " billing ", ComplaintSeverity.High, "  Charged twice ", "  ", Now);

        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Equal("LON-01", complaint.Branch);
        Assert.Equal("billing", complaint.Category);
        Assert.Equal("Charged twice", complaint.Description);
        Assert.Null(complaint.AssignedTo);
        Assert.Equal(Now, complaint.ReceivedAt);
    }

    [Theory]
    [InlineData("https://files.example.com/receipt.pdf", true)]
    [InlineData("http://files.example.com/receipt.pdf", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/path", false)]
    [InlineData("central", false)]
    public void IsAcceptableUrl_OnlyAbsoluteHttps(string url, bool acceptable)
    {
        var result = ComplaintAttachment.IsAcceptableUrl(url);

        Assert.Equal(acceptable, result);
    }

    private static Complaint NewComplaint() =>
        Complaint.Receive(Guid.NewGuid(), Guid.NewGuid(), "LON-01", ComplaintChannel.Email, "billing", ComplaintSeverity.Medium, "Charged twice", null, Now);
}
