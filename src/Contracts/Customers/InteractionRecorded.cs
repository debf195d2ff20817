using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a contact with a customer is recorded (a visit, call, e-mail, web or social message,
/// letter). Standards measures follow-up completion from it: an interaction with <see cref="FollowUpDueAt"/> opens a
/// follow-up that <see cref="FollowUpCompleted"/> later closes.
/// </summary>
[MessageUrn("customers.interaction-recorded.v1")]
[EntityName("customers.interaction-recorded.v1")]
public sealed record InteractionRecorded : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The interaction's id.</summary>
    public required Guid InteractionId { get; init; }

    /// <summary>The customer the contact was with.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code that handled the contact.</summary>
    public required string Branch { get; init; }

    /// <summary>How the contact happened: <c>inPerson</c>, <c>phone</c>, <c>email</c>, <c>web</c>, <c>social</c> or <c>letter</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>
    /// Why: <c>enquiry</c>, <c>informationRequest</c>, <c>purchase</c>, <c>service</c>, <c>complaint</c>,
    /// <c>followUp</c> or <c>other</c>.
    /// </summary>
    public required string Purpose { get; init; }

    /// <summary>Topic tags: lower case, trimmed, no duplicates, at most 20.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>The staff member who handled it, when recorded.</summary>
    public string? StaffMember { get; init; }

    /// <summary>When the follow-up the business owes the customer is due (UTC); null when none is owed.</summary>
    public DateTimeOffset? FollowUpDueAt { get; init; }

    /// <summary>When the contact happened, in UTC.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
