using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when a complaint case starts waiting on the customer: its resolution clock is paused until
/// <see cref="ComplaintResumed"/>, or until the case is resolved or closed.
/// Carries no free text: descriptions and notes are personal data and stay in Feedback.
/// </summary>
[MessageUrn("feedback.complaint-waiting-on-customer.v1")]
[EntityName("feedback.complaint-waiting-on-customer.v1")]
public sealed record ComplaintWaitingOnCustomer : IComplaintEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The complaint case's id.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The customer who complained, when known.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The branch code the complaint is about.</summary>
    public required string Branch { get; init; }

    /// <summary>The business's own category code.</summary>
    public required string Category { get; init; }

    /// <summary>low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>The case's status after this event: received, acknowledged, investigating, resolved, closed, reopened or escalated.</summary>
    public required string Status { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
