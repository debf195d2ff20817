using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a service visit (a branch's staff serving a customer) is recorded.
/// Feedback may invite the customer to a survey about it.
/// </summary>
[MessageUrn("customers.service-visit-recorded.v1")]
[EntityName("customers.service-visit-recorded.v1")]
public sealed record ServiceVisitRecorded : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The visit's id.</summary>
    public required Guid VisitId { get; init; }

    /// <summary>The customer who was served.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the customer was served.</summary>
    public required string Branch { get; init; }

    /// <summary>Who served the customer, as the business names its staff.</summary>
    public required string StaffMember { get; init; }

    /// <summary>What was done, in the staff member's words.</summary>
    public required string Service { get; init; }

    /// <summary>How long the visit took, in minutes, when recorded.</summary>
    public int? DurationMinutes { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
