using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when compensation on a complaint is approved: at once, when the offering role's limit covers
/// it, or later by a role whose limit does. Loyalty credits goodwill points from the loyaltyPoints ones.
/// Money comes as <see cref="Amount"/> with <see cref="Currency"/>; loyalty points as <see cref="Points"/>.
/// </summary>
[MessageUrn("feedback.compensation-approved.v1")]
[EntityName("feedback.compensation-approved.v1")]
public sealed record CompensationApproved : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The complaint case it compensates.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The compensation's id; one approval per compensation, so consumers can key their effect on it.</summary>
    public required Guid CompensationId { get; init; }

    /// <summary>The complaining customer, when the case names one.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The branch code of the case.</summary>
    public required string Branch { get; init; }

    /// <summary>refund, creditNote, replacement or loyaltyPoints.</summary>
    public required string Type { get; init; }

    /// <summary>The money granted, for every type but loyaltyPoints.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The ISO 4217 currency of <see cref="Amount"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>The points granted, for loyaltyPoints.</summary>
    public long? Points { get; init; }

    /// <summary>The business's role whose authority approved it (e.g. supervisor).</summary>
    public required string ApprovedByRole { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
