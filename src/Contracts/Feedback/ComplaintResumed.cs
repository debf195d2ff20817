using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when a complaint case stops waiting on the customer: its resolution clock runs again, its
/// resolve due time moved by the business time spent waiting.
/// Carries no free text: descriptions and notes are personal data and stay in Feedback.
/// </summary>
[MessageUrn("feedback.complaint-resumed.v1")]
[EntityName("feedback.complaint-resumed.v1")]
public sealed record ComplaintResumed : IComplaintEvent
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

    /// <summary>When the wait began (the <see cref="ComplaintWaitingOnCustomer"/> it ends), so the pause is known whatever order the two arrive in.</summary>
    public required DateTimeOffset WaitedSince { get; init; }

    /// <summary>When the case is now due to be resolved; absent when the case has no deadlines (opened before targets existed).</summary>
    public DateTimeOffset? ResolveDueAt { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
