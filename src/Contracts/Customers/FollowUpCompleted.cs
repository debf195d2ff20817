using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when the follow-up of an interaction (see <see cref="InteractionRecorded"/>) is marked
/// done, once per interaction: completing it again publishes nothing. On time when <see cref="OccurredAt"/> is not
/// after <see cref="FollowUpDueAt"/>.
/// </summary>
[MessageUrn("customers.follow-up-completed.v1")]
[EntityName("customers.follow-up-completed.v1")]
public sealed record FollowUpCompleted : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The interaction whose follow-up was completed.</summary>
    public required Guid InteractionId { get; init; }

    /// <summary>The customer the interaction was with.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code of the interaction.</summary>
    public required string Branch { get; init; }

    /// <summary>The staff member who handled the interaction, when recorded.</summary>
    public string? StaffMember { get; init; }

    /// <summary>When the follow-up was due (UTC).</summary>
    public required DateTimeOffset FollowUpDueAt { get; init; }

    /// <summary>Who completed the follow-up.</summary>
    public required string CompletedBy { get; init; }

    /// <summary>When the follow-up was completed, in UTC.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
